using System.Runtime.CompilerServices;
using Alpr.Edge.Capture;
using SkiaSharp;

namespace Alpr.Edge.TestSupport;

/// <summary>
/// Test double for a camera: yields tiny frames 100 ms apart in capture time, frame i being i+1 pixels
/// wide so <see cref="ScriptedRecognizer"/> knows which frame it sees. Frames are the product's real type.
/// </summary>
public sealed class ScriptedFrameSource(int frames, DateTimeOffset start) : IFrameSource
{
    public string Camera => "cam0";

    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < frames; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new Frame(Camera, i, start.AddMilliseconds(100 * i), i, new SKBitmap(i + 1, 1));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
