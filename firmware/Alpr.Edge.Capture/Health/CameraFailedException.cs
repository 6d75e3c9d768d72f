namespace Alpr.Edge.Capture.Health;

/// <summary>
/// The camera cannot work with this configuration (a pixel format or size it does not offer, ffmpeg not installed): trying
/// again would fail the same way, so the source goes to <see cref="CameraHealthState.Failed"/> instead of reconnecting.
/// </summary>
public sealed class CameraFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CameraFailedException()
    {
    }

    /// <summary>Creates the exception with a one-line reason that names the setting and the fix.</summary>
    public CameraFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public CameraFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
