namespace Alpr.Edge.Capture;

/// <summary>A camera or camera stand-in that produces frames until cancelled or exhausted.</summary>
public interface IFrameSource : IAsyncDisposable
{
    /// <summary>Camera name.</summary>
    string Camera { get; }

    /// <summary>
    /// Whether this is a live camera (V4L2, RTSP, HTTP): its stream ending means the camera went away, so it is reopened. A replay
    /// source (image folder, video file, the simulator) ends for good.
    /// </summary>
    bool IsLive => false;

    /// <summary>The frame rate the source promises, when it promises one (the self-test measures against it).</summary>
    double? ExpectedFramesPerSecond => null;

    /// <summary>
    /// Frames in capture order. The consumer owns (and disposes) each frame it receives. Each call opens a new session with the
    /// camera; cancelling the token ends it promptly and releases the camera.
    /// </summary>
    IAsyncEnumerable<Frame> ReadFramesAsync(CancellationToken cancellationToken);
}
