using System.Diagnostics;
using Alpr.Edge.Capture;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>Reads a source in the background, keeping its frames' pictures and arrival times.</summary>
public sealed class CaptureProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(Frame Frame, TimeSpan At)> _frames = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public CaptureProbe(IFrameSource source)
    {
        Reading = Task.Run(async () =>
        {
            await foreach (var frame in source.ReadFramesAsync(_stop.Token))
            {
                lock (_gate)
                {
                    _frames.Add((frame, _clock.Elapsed));
                }
            }
        });
    }

    public Task Reading { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count;
            }
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyList<(Frame Frame, TimeSpan At)> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Waits (real time) until <paramref name="done"/> holds or the reading fails.</summary>
    public async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (Reading.IsFaulted)
            {
                await Reading;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:F0} s for {what}; {Count} frames so far");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Reading;
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var (frame, _) in Frames)
        {
            frame.Dispose();
        }

        _stop.Dispose();
    }
}
