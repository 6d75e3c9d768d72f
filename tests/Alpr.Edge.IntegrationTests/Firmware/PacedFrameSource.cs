using System.Runtime.CompilerServices;
using Alpr.Edge.Capture;
using SkiaSharp;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// A camera double that runs in real time: a frame every <c>interval</c>, stamped with the wall clock when it is
/// taken, frame i being i+1 pixels wide (the convention of <see cref="ScriptedRecognizer"/>). <paramref name="frames"/>
/// frames, then the source ends (<see cref="Finished"/>).
/// </summary>
internal sealed class PacedFrameSource(int frames, TimeSpan interval) : IFrameSource
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Camera => "cam0";

    /// <summary>Completes once the last frame has been handed out.</summary>
    public Task Finished => _finished.Task;

    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        for (var i = 0; i < frames; i++)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
            yield return new Frame(Camera, i, DateTimeOffset.UtcNow, System.Diagnostics.Stopwatch.GetTimestamp(), new SKBitmap(i + 1, 1));
        }

        _finished.TrySetResult();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
