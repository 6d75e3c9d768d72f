namespace Alpr.Edge.Capture.Health;

/// <summary>
/// The camera went away mid-stream or could not be reached (unplugged USB camera, <c>ENODEV</c>, network camera down, ffmpeg
/// exited): the supervisor reconnects with back-off.
/// </summary>
public sealed class CameraDisconnectedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public CameraDisconnectedException()
    {
    }

    /// <summary>Creates the exception with a one-line reason.</summary>
    public CameraDisconnectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public CameraDisconnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
