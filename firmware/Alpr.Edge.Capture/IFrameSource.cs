namespace Alpr.Edge.Capture;

/// <summary>A camera or camera stand-in that produces frames until cancelled or exhausted.</summary>
public interface IFrameSource : IAsyncDisposable
{
    /// <summary>Camera name.</summary>
    string Camera { get; }

    /// <summary>Frames in capture order. The consumer owns (and disposes) each frame it receives.</summary>
    IAsyncEnumerable<Frame> ReadFramesAsync(CancellationToken cancellationToken);
}
