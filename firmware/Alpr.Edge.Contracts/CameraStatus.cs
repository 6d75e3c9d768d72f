namespace Alpr.Edge.Contracts;

/// <summary>Camera health as the device sees it.</summary>
/// <param name="State"><c>ok</c> (frames arriving), <c>stalled</c> (none for a while) or <c>starting</c> (none yet).</param>
/// <param name="FramesCaptured">Frames received since start.</param>
/// <param name="FramesDropped">Frames dropped unrecognised because the queue was full.</param>
/// <param name="SecondsSinceLastFrame">Seconds since the last frame, or null before the first.</param>
public sealed record CameraStatus(string State, long FramesCaptured, long FramesDropped, double? SecondsSinceLastFrame = null);
