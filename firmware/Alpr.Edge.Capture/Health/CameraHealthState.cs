namespace Alpr.Edge.Capture.Health;

/// <summary>Where a camera stands; see <c>docs/cameras.md</c> for the transitions.</summary>
public enum CameraHealthState
{
    /// <summary>Opening the camera for the first time; no frame yet.</summary>
    Starting,

    /// <summary>Frames are arriving.</summary>
    Streaming,

    /// <summary>The camera stopped sending frames for longer than the stall timeout; the session is being closed.</summary>
    Stalled,

    /// <summary>The camera disappeared, failed or stalled; waiting out the back-off before opening it again.</summary>
    Reconnecting,

    /// <summary>The camera refused its configuration (a format or size it does not offer, no ffmpeg); nothing is retried.</summary>
    Failed,

    /// <summary>A replay source (image folder, video file, finite simulator) reached its end.</summary>
    Ended,
}
