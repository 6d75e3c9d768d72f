using System.Diagnostics;
using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Health;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>A video file made by ffmpeg from rendered frames, replayed through the ffmpeg source.</summary>
public sealed class VideoFileReplayTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestVideo _video = null!;

    public async Task InitializeAsync() => _video = await TestVideo.CreateAsync(20);

    public Task DisposeAsync()
    {
        _video.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Video_file_is_replayed_frame_by_frame_in_order_at_the_rate_asked_for()
    {
        await using var source = FrameSources.Create($"file://{_video.Path}?fps=20", "replay", TimeProvider.System, NullLoggerFactory.Instance);
        Assert.False(source.IsLive);
        Assert.Equal(20, source.ExpectedFramesPerSecond);

        var frames = new List<Frame>();
        var clock = Stopwatch.StartNew();
        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            frames.Add(frame);
        }

        var elapsed = clock.Elapsed;
        output.WriteLine($"{frames.Count} frames in {elapsed.TotalSeconds:F2} s at fps=20");
        try
        {
            Assert.Equal(20, frames.Count);
            // Paced at fps=20: 19 intervals of 50 ms after the first frame at least (a loaded machine only makes it longer).
            Assert.True(elapsed >= TimeSpan.FromSeconds(0.9), $"20 frames in {elapsed}: not paced at fps=20");
            for (var i = 0; i < frames.Count; i++)
            {
                var best = Enumerable.Range(0, _video.Frames.Count).MinBy(j => Difference(frames[i].Image, _video.Frames[j]));
                Assert.Equal(i, best);
            }
        }
        finally
        {
            frames.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task Looping_video_starts_again_after_its_last_frame()
    {
        await using var source = FrameSources.Create($"{new Uri(_video.Path).AbsoluteUri}?fps=0&loop=true", "replay", TimeProvider.System, NullLoggerFactory.Instance);

        var count = 0;
        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            frame.Dispose();
            if (++count == 45)
            {
                break;
            }
        }

        Assert.Equal(45, count);
        await FfmpegChildren.AssertNoneLeftAsync();
    }

    [Fact]
    public async Task Bare_path_with_a_video_extension_replays_at_the_files_own_rate()
    {
        await using var source = FrameSources.Create(_video.Path, "replay", TimeProvider.System, NullLoggerFactory.Instance);

        var clock = Stopwatch.StartNew();
        var count = 0;
        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            frame.Dispose();
            count++;
        }

        output.WriteLine($"{count} frames in {clock.Elapsed.TotalSeconds:F2} s at the file's 10 fps");
        Assert.Equal(20, count);
        // The file's own 10 fps: 19 intervals of 100 ms at least, clearly slower than fps=20 above.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"20 frames in {clock.Elapsed}: not paced at the file's 10 fps");
    }

    [Fact]
    public async Task A_file_ffmpeg_cannot_read_fails_the_session_with_ffmpegs_message()
    {
        var broken = Path.ChangeExtension(_video.Path, ".broken.mp4");
        await File.WriteAllBytesAsync(broken, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
        await using var source = FrameSources.Create(broken, "replay", TimeProvider.System, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<CameraDisconnectedException>(async () =>
        {
            await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
            {
                frame.Dispose();
            }
        });

        output.WriteLine(error.Message);
        Assert.Contains("ffmpeg exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_video_file_is_refused_when_the_source_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => FrameSources.Create("/no/such/clip.mp4", "replay", TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Contains("'/no/such/clip.mp4' does not exist", error.Message, StringComparison.Ordinal);
    }

    private static double Difference(SKBitmap frame, byte[] jpeg)
    {
        using var sent = SKBitmap.Decode(jpeg);
        return RenderedFrames.MeanDifference(frame, sent);
    }
}
