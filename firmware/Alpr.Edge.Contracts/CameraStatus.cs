namespace Alpr.Edge.Contracts;

/// <summary>Camera health as the device sees it.</summary>
/// <param name="State"><c>starting</c>, <c>streaming</c>, <c>stalled</c>, <c>reconnecting</c>, <c>failed</c> (configuration refused) or <c>ended</c> (a replay finished).</param>
/// <param name="FramesCaptured">Frames received since start.</param>
/// <param name="FramesDropped">Frames dropped unrecognised (the camera ran ahead of the reader or recognition).</param>
/// <param name="SecondsSinceLastFrame">Seconds since the last frame, or null before the first.</param>
public sealed record CameraStatus(string State, long FramesCaptured, long FramesDropped, double? SecondsSinceLastFrame = null)
{
    /// <summary>The camera's name from the configuration.</summary>
    public string? Name { get; init; }

    /// <summary>Why it is in that state (the driver's or ffmpeg's last message), when there is one.</summary>
    public string? Reason { get; init; }

    /// <summary>How many times the camera was reopened after it disappeared or stalled.</summary>
    public int? Reconnects { get; init; }
}
