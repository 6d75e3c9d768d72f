using Alpr.Edge.Capture;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Capture;

/// <summary>What every frame source promises; subclassed once per kind of source.</summary>
public abstract class FrameSourceContractTests
{
    protected static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 30, 0, TimeSpan.Zero);

    /// <summary>A source named <paramref name="camera"/> with at least three frames, unpaced, on <paramref name="clock"/>.</summary>
    protected abstract IFrameSource CreateSource(string camera, TimeProvider clock);

    [Fact]
    public async Task Frames_carry_the_camera_name_and_sequence_numbers_from_zero()
    {
        var clock = new FakeTimeProvider(Start);
        await using var source = CreateSource("pole-9", clock);

        var frames = await TakeAsync(source, 3, CancellationToken.None);

        Assert.Equal("pole-9", source.Camera);
        Assert.All(frames, f => Assert.Equal("pole-9", f.Camera));
        Assert.Equal([0L, 1L, 2L], frames.Select(f => f.Sequence));
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Frames_are_stamped_from_the_time_provider()
    {
        var clock = new FakeTimeProvider(Start);
        await using var source = CreateSource("pole-9", clock);

        var frames = await TakeAsync(source, 1, CancellationToken.None);

        Assert.Equal(Start, frames[0].CapturedAt);
        Assert.Equal(clock.GetTimestamp(), frames[0].MonotonicTimestamp);
        Assert.True(frames[0].Image.Width > 0);
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Cancelled_token_stops_the_stream()
    {
        await using var source = CreateSource("pole-9", new FakeTimeProvider(Start));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TakeAsync(source, 1, cancelled.Token));
    }

    private static async Task<List<Frame>> TakeAsync(IFrameSource source, int count, CancellationToken cancellationToken)
    {
        var frames = new List<Frame>();
        await foreach (var frame in source.ReadFramesAsync(cancellationToken))
        {
            frames.Add(frame);
            if (frames.Count == count)
            {
                break;
            }
        }

        return frames;
    }
}
