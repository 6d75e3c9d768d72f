using Alpr.Edge.Capture.GroundTruth;
using Alpr.Edge.Capture.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class SimulatedCameraStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly SimulatedCameraOptions Small = new() { Width = 320, Height = 240, Seed = 5 };

    [Fact]
    public async Task Next_frame_is_released_only_when_the_time_provider_reaches_the_frame_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var camera = new SimulatedCamera("pole-1", Small with { FramesPerSecond = 10 }, clock);
        await using var frames = camera.ReadFramesAsync(CancellationToken.None).GetAsyncEnumerator();

        long firstTimestamp;
        Assert.True(await frames.MoveNextAsync().AsTask().WaitAsync(Patience));
        using (var first = frames.Current)
        {
            Assert.Equal(0, first.Sequence);
            Assert.Equal(clock.GetUtcNow(), first.CapturedAt);
            firstTimestamp = first.MonotonicTimestamp;
        }

        var next = frames.MoveNextAsync().AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(next.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await next.WaitAsync(Patience));
        using var second = frames.Current;
        Assert.Equal(1, second.Sequence);
        Assert.Equal("pole-1", second.Camera);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, 100, TimeSpan.Zero), second.CapturedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(100), clock.GetElapsedTime(firstTimestamp, second.MonotonicTimestamp));
    }

    [Fact]
    public async Task Frame_count_limit_ends_the_stream()
    {
        await using var camera = new SimulatedCamera("pole-1", Small with { FramesPerSecond = 0, FrameCount = 3 }, TimeProvider.System);

        var sequences = new List<long>();
        await foreach (var frame in camera.ReadFramesAsync(CancellationToken.None))
        {
            using (frame)
            {
                sequences.Add(frame.Sequence);
            }
        }

        Assert.Equal([0L, 1L, 2L], sequences);
    }

    [Fact]
    public async Task Streamed_frames_match_the_renderer_and_its_ground_truth()
    {
        await using var camera = new SimulatedCamera("pole-1", Small with { FramesPerSecond = 0, FrameCount = 2 }, TimeProvider.System);
        using var reference = new StreetSceneRenderer(camera.Options);

        await foreach (var frame in camera.ReadFramesAsync(CancellationToken.None))
        {
            using (frame)
            using (var expected = reference.Render(frame.Sequence).Image)
            {
                Assert.True(frame.Image.GetPixelSpan().SequenceEqual(expected.GetPixelSpan()));
                Assert.Equal(GroundTruthJson.Serialize(reference.GetGroundTruth(frame.Sequence)), GroundTruthJson.Serialize(camera.GetGroundTruth(frame.Sequence)));
            }
        }
    }

    [Fact]
    public async Task Cancelling_a_paced_wait_ends_the_stream_with_cancellation()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        await using var camera = new SimulatedCamera("pole-1", Small with { FramesPerSecond = 5 }, clock);
        await using var frames = camera.ReadFramesAsync(stop.Token).GetAsyncEnumerator();
        Assert.True(await frames.MoveNextAsync().AsTask().WaitAsync(Patience));
        frames.Current.Dispose();

        var next = frames.MoveNextAsync().AsTask();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Patience));
    }
}
