using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.Supervision;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>An HTTP MJPEG camera (real Kestrel) read through Debian's ffmpeg.</summary>
#pragma warning disable CA1001 // the server is disposed in DisposeAsync (IAsyncLifetime)
public sealed class HttpMjpegCameraTests(ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyList<byte[]> _jpegs = RenderedFrames.Jpegs(10);
    private MjpegCameraServer _camera = null!;

    public async Task InitializeAsync()
    {
        _camera = new MjpegCameraServer(_jpegs, framesPerSecond: 10);
        await _camera.StartAsync();
    }

    public async Task DisposeAsync() => await _camera.DisposeAsync();

    [Fact]
    public async Task Mjpeg_stream_becomes_frames_that_show_what_the_camera_sent_at_its_rate()
    {
        await using var source = FrameSources.Create(_camera.Url.ToString(), "gate-1", TimeProvider.System, NullLoggerFactory.Instance);
        Assert.True(source.IsLive);

        await using (var probe = new CaptureProbe(source))
        {
            await probe.WaitUntilAsync(() => probe.Count >= 20, Patience, "20 frames");
            var frames = probe.Frames;
            var first = frames[0].At;
            var rate = (frames.Count - 1) / (frames[^1].At - first).TotalSeconds;
            output.WriteLine($"first frame after {first.TotalMilliseconds:F0} ms (ffmpeg start, HTTP connect, probe); {rate:F1} fps over {frames.Count} frames");

            Assert.All(frames, f => Assert.Equal((RenderedFrames.Width, RenderedFrames.Height), (f.Frame.Image.Width, f.Frame.Image.Height)));
            Assert.All(frames, f => Assert.Equal("gate-1", f.Frame.Camera));
            Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (long)i), frames.Select(f => f.Frame.Sequence));
            Assert.InRange(rate, 6, 14);
            using var sent = SKBitmap.Decode(_jpegs[0]);
            var closest = frames.Take(12).Min(f => RenderedFrames.MeanDifference(f.Frame.Image, sent));
            output.WriteLine($"closest frame to the first one sent differs by {closest:F2} levels");
            Assert.True(closest < 6, $"no received frame looks like the one sent (mean difference {closest:F1})");
        }

        await FfmpegChildren.AssertNoneLeftAsync();
    }

    [Fact]
    public async Task Rate_and_size_settings_are_applied_by_ffmpeg()
    {
        await using var source = FrameSources.Create($"{_camera.Url}#fps=4&width=160&height=120", "gate-1", TimeProvider.System, NullLoggerFactory.Instance);
        Assert.Equal(4, source.ExpectedFramesPerSecond);

        await using var probe = new CaptureProbe(source);
        await probe.WaitUntilAsync(() => probe.Count >= 9, Patience, "9 frames");

        var frames = probe.Frames;
        var rate = (frames.Count - 1) / (frames[^1].At - frames[0].At).TotalSeconds;
        output.WriteLine($"{rate:F1} fps at fps=4");
        Assert.All(frames, f => Assert.Equal((160, 120), (f.Frame.Image.Width, f.Frame.Image.Height)));
        Assert.InRange(rate, 2.5, 6);
    }

    [Fact]
    public async Task Camera_that_goes_away_mid_stream_is_reconnecting_then_streaming_again()
    {
        var health = new CameraHealthMonitor("gate-1", TimeProvider.System, NullLogger.Instance);
        var changes = new List<(CameraHealthState State, string Reason, DateTimeOffset At)>();
        health.Changed += (_, h) =>
        {
            lock (changes)
            {
                changes.Add((h.State, h.Reason, h.Since));
            }
        };
        var context = new FrameSourceContext(TimeProvider.System, NullLoggerFactory.Instance) { Health = health };
        var options = new SupervisionOptions
        {
            StallTimeout = TimeSpan.FromSeconds(5),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(300),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            ReconnectJitter = 0,
        };
        await using var source = new SupervisedFrameSource(FrameSources.Create(_camera.Url.ToString(), "gate-1", context), options, health, TimeProvider.System);
        await using var probe = new CaptureProbe(source);
        await probe.WaitUntilAsync(() => probe.Count >= 5, Patience, "5 frames");

        _camera.GoOffline();
        await probe.WaitUntilAsync(() => health.Current.State == CameraHealthState.Reconnecting, Patience, "the camera to be seen gone");
        output.WriteLine($"while offline: {health.Current.Reason}");
        await Task.Delay(1500);
        var attemptsWhileOffline = health.Current.Reconnects;
        var framesBefore = probe.Count;
        var online = DateTimeOffset.UtcNow;
        _camera.GoOnline();
        await probe.WaitUntilAsync(() => probe.Count >= framesBefore + 5, Patience, "frames after the camera came back");

        var back = changes.Last(c => c.State == CameraHealthState.Streaming).At - online;
        output.WriteLine($"{attemptsWhileOffline} reopen attempts while offline; streaming again {back.TotalMilliseconds:F0} ms after the camera came back");
        Assert.Equal(
            [CameraHealthState.Streaming, CameraHealthState.Reconnecting, CameraHealthState.Streaming],
            changes.Select(c => c.State));
        Assert.InRange(attemptsWhileOffline, 2, 6);
        Assert.Contains("ffmpeg exited with code", changes[1].Reason, StringComparison.Ordinal);
        Assert.Equal(CameraHealthState.Streaming, health.Current.State);
        Assert.True(back < TimeSpan.FromSeconds(4), $"took {back} to stream again");
    }

    [Fact]
    public async Task Cancelling_the_stream_kills_ffmpeg()
    {
        await using var source = FrameSources.Create(_camera.Url.ToString(), "gate-1", TimeProvider.System, NullLoggerFactory.Instance);

        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            frame.Dispose();
            Assert.NotEmpty(FfmpegChildren.Running());
            break;
        }

        await FfmpegChildren.AssertNoneLeftAsync();
    }

    [Fact]
    public async Task Missing_ffmpeg_fails_the_camera_for_good_naming_the_package()
    {
        var health = new CameraHealthMonitor("gate-1", TimeProvider.System, NullLogger.Instance);
        var context = new FrameSourceContext(TimeProvider.System, NullLoggerFactory.Instance) { FfmpegProgram = "/nonexistent/ffmpeg" };
        await using var source = new SupervisedFrameSource(
            FrameSources.Create(_camera.Url.ToString(), "gate-1", context), new SupervisionOptions(), health, TimeProvider.System);

        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            frame.Dispose();
        }

        Assert.Equal(CameraHealthState.Failed, health.Current.State);
        Assert.Contains("apt-get install ffmpeg", health.Current.Reason, StringComparison.Ordinal);
        Assert.Equal(0, health.Current.Reconnects);
    }
}
