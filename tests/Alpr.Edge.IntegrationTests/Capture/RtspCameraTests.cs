using System.Diagnostics;
using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.Supervision;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>
/// RTSP through ffmpeg. Debian ships no RTSP server, and ffmpeg can only be an RTSP server as a receiver (<c>-rtsp_flags listen</c>),
/// so the source listens (<c>#listen=true</c>) and a second ffmpeg publishes the test video to it, as a camera that pushes its
/// stream would: the RTSP/RTP demuxing and decoding are the real ones. The client side is checked against a port where no camera
/// answers.
/// </summary>
public sealed class RtspCameraTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestVideo _video = null!;

    public async Task InitializeAsync() => _video = await TestVideo.CreateAsync(20);

    public Task DisposeAsync()
    {
        _video.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Rtsp_stream_pushed_by_a_camera_is_decoded_into_its_frames()
    {
        var port = FreePort.Next();
        var url = $"rtsp://127.0.0.1:{port}/cam";
        // Disposed in reverse: the probe stops reading before the publisher is killed (else the stream would end under it).
        using var publisher = new Publisher(_video.Path, url);
        await using var source = FrameSources.Create($"{url}#listen=true", "rtsp-1", TimeProvider.System, NullLoggerFactory.Instance);
        await using var probe = new CaptureProbe(source);

        await publisher.KeepPublishingUntilAsync(probe, () => probe.Count >= 15, "15 frames over RTSP");

        var frames = probe.Frames;
        var rate = (frames.Count - 1) / (frames[^1].At - frames[0].At).TotalSeconds;
        output.WriteLine($"{frames.Count} frames at {rate:F1} fps over RTSP/TCP");
        Assert.All(frames, f => Assert.Equal((RenderedFrames.Width, RenderedFrames.Height), (f.Frame.Image.Width, f.Frame.Image.Height)));
        var closest = frames.Min(f => _video.Frames.Take(20).Min(j =>
        {
            using var sent = SKBitmap.Decode(j);
            return RenderedFrames.MeanDifference(f.Frame.Image, sent);
        }));
        Assert.True(closest < 8, $"no received frame looks like one published (mean difference {closest:F1})");
    }

    [Fact]
    public async Task Rtsp_camera_that_does_not_answer_is_reconnecting_with_ffmpegs_reason()
    {
        var health = new CameraHealthMonitor("rtsp-1", TimeProvider.System, NullLogger.Instance);
        var options = new SupervisionOptions { ReconnectInitialDelay = TimeSpan.FromMilliseconds(200), ReconnectMaxDelay = TimeSpan.FromMilliseconds(400) };
        await using var source = new SupervisedFrameSource(
            FrameSources.Create($"rtsp://127.0.0.1:{FreePort.Next()}/stream1", "rtsp-1", TimeProvider.System, NullLoggerFactory.Instance),
            options,
            health,
            TimeProvider.System);
        await using var probe = new CaptureProbe(source);

        await probe.WaitUntilAsync(() => health.Current.Reconnects >= 2, Patience, "two reconnection attempts");

        output.WriteLine(health.Current.Reason);
        Assert.Equal(CameraHealthState.Reconnecting, health.Current.State);
        Assert.Contains("Connection refused", health.Current.Reason, StringComparison.Ordinal);
        Assert.Equal(0, probe.Count);
    }

    /// <summary>
    /// An ffmpeg pushing the test video in a loop to the listening source, as a camera that pushes its stream would. It is started
    /// again whenever it exits (refused because the listener is not up yet, which on a loaded machine can take seconds), and killed
    /// when disposed, passed or not, so that no publisher outlives the test.
    /// </summary>
    private sealed class Publisher(string videoPath, string url) : IDisposable
    {
        private Process? _process;

        public async Task KeepPublishingUntilAsync(CaptureProbe probe, Func<bool> done, string what)
        {
            var deadline = Stopwatch.StartNew();
            while (!done())
            {
                if (probe.Reading.IsFaulted)
                {
                    await probe.Reading;
                }

                if (deadline.Elapsed > Patience)
                {
                    throw new TimeoutException($"waited {Patience.TotalSeconds:F0} s for {what}; {probe.Count} frames so far");
                }

                if (_process is null || _process.HasExited)
                {
                    _process?.Dispose();
                    _process = Start();
                }

                await Task.Delay(100);
            }
        }

        public void Dispose()
        {
            if (_process is null)
            {
                return;
            }

            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }

        private Process Start()
        {
            var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-re", "-stream_loop", "-1", "-i", videoPath, "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp", url })
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info)!;
            process.BeginErrorReadLine();
            return process;
        }
    }
}
