namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>What ffmpeg reads.</summary>
public enum FfmpegInputKind
{
    /// <summary>An RTSP network camera (<c>rtsp://</c>, <c>rtsps://</c>).</summary>
    Rtsp,

    /// <summary>An HTTP(S) MJPEG stream (<c>multipart/x-mixed-replace</c>) or any stream ffmpeg can read over HTTP.</summary>
    Http,

    /// <summary>A video file, replayed.</summary>
    File,
}
