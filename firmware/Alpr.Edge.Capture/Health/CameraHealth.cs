namespace Alpr.Edge.Capture.Health;

/// <summary>A snapshot of one camera's health, for the status publisher, the self-test and the logs.</summary>
/// <param name="Camera">Camera name.</param>
/// <param name="State">Current state.</param>
/// <param name="Reason">Why it is in that state, in one line (for <see cref="CameraHealthState.Reconnecting"/> and
/// <see cref="CameraHealthState.Failed"/> the camera's or ffmpeg's own message).</param>
/// <param name="Since">When the state was entered (wall clock).</param>
/// <param name="FramesDelivered">Frames handed to the consumer since the start.</param>
/// <param name="FramesDropped">Frames the camera delivered that were lost before the consumer took them (buffer overrun, undecodable).</param>
/// <param name="Reconnects">How many times the camera was opened again after a failure or stall.</param>
/// <param name="LastFrameAt">Wall-clock time of the last frame, or <see langword="null"/> before the first.</param>
public sealed record CameraHealth(
    string Camera,
    CameraHealthState State,
    string Reason,
    DateTimeOffset Since,
    long FramesDelivered,
    long FramesDropped,
    int Reconnects,
    DateTimeOffset? LastFrameAt);
