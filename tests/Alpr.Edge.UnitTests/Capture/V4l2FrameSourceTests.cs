using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Capture.V4l2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class V4l2FrameSourceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 22, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeClockLoop _loop;
    private readonly RecordingLogger<V4l2FrameSource> _log = new();
    private SimulatedV4l2Camera _camera;

    public V4l2FrameSourceTests()
    {
        _loop = new FakeClockLoop(_clock);
        _camera = new SimulatedV4l2Camera("/dev/video0", new SimulatedCameraOptions { Seed = 3 }, _clock);
    }

    public void Dispose()
    {
        _camera.Dispose();
        _loop.Dispose();
    }

    [Theory]
    [InlineData("mjpeg", 640, 480)]
    [InlineData("yuyv", 320, 240)]
    public async Task Frames_come_in_the_size_asked_for_in_either_format(string format, int width, int height)
    {
        var source = Source($"v4l2:///dev/video0?format={format}&width={width}&height={height}&fps=30");

        var frames = await TakeAsync(source, 2);

        Assert.All(frames, f => Assert.Equal((width, height), (f.Image.Width, f.Image.Height)));
        Assert.Equal([0L, 1L], frames.Select(f => f.Sequence));
        Assert.InRange(frames[0].CapturedAt, Start, _clock.GetUtcNow());
        Assert.Equal(format == "mjpeg" ? V4l2PixelFormat.Mjpeg : V4l2PixelFormat.Yuyv, _camera.LastSettings!.Format);
        // Not a blank picture: the street scene has light and dark parts.
        var pixels = Enumerable.Range(0, 20).Select(i => frames[0].Image.GetPixel(i * width / 20, height / 2)).ToList();
        Assert.True(pixels.Max(p => p.Red) - pixels.Min(p => p.Red) > 20);
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task A_format_the_camera_does_not_offer_is_refused_naming_what_it_offers()
    {
        ReplaceCamera(new SimulatedV4l2Camera("/dev/video0", new SimulatedCameraOptions(), _clock) { Formats = [V4l2PixelFormat.Mjpeg] });
        var source = Source("v4l2:///dev/video0?format=yuyv&width=640&height=480");

        var error = await Assert.ThrowsAsync<CameraFailedException>(() => TakeAsync(source, 1));

        Assert.Contains("does not offer format=yuyv", error.Message, StringComparison.Ordinal);
        Assert.Contains("it offers mjpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_size_the_camera_does_not_offer_is_refused_listing_its_sizes()
    {
        var source = Source("v4l2:///dev/video0?width=1920&height=1080");

        var error = await Assert.ThrowsAsync<CameraFailedException>(() => TakeAsync(source, 1));

        Assert.Contains("does not offer 1920x1080", error.Message, StringComparison.Ordinal);
        Assert.Contains("320x240, 640x480, 1280x720", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_the_driver_lacks_is_logged_once_and_skipped_while_frames_flow()
    {
        ReplaceCamera(new SimulatedV4l2Camera("/dev/video0", new SimulatedCameraOptions(), _clock)
        {
            Controls = new Dictionary<V4l2Control, V4l2ControlRange> { [V4l2Control.Exposure] = new(1, 2000, 100) },
        });
        var source = Source("v4l2:///dev/video0?width=320&height=240&exposure=10&gain=40&fps=30");

        var frames = await TakeAsync(source, 1);
        frames.ForEach(f => f.Dispose());
        frames = await TakeAsync(source, 1);
        frames.ForEach(f => f.Dispose());

        Assert.Equal(10, _camera.LastSettings!.Exposure);
        Assert.Null(_camera.LastSettings.Gain);
        var warning = Assert.Single(_log.Entries, e => e.EventId.Id == 1130);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("no gain control; gain=40 is ignored", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exposure_outside_the_drivers_range_is_refused_with_the_range()
    {
        var source = Source("v4l2:///dev/video0?width=320&height=240&exposure=9000");

        var error = await Assert.ThrowsAsync<CameraFailedException>(() => TakeAsync(source, 1));

        Assert.Contains("exposure=9000 is outside the driver's range 1–5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_camera_faster_than_the_rate_asked_for_is_thinned_to_it()
    {
        var source = Source("v4l2:///dev/video0?width=320&height=240&fps=10");
        using var stop = new CancellationTokenSource();
        var delivered = new List<DateTimeOffset>();
        var reading = _loop.Start(async () =>
        {
            await foreach (var frame in source.ReadFramesAsync(stop.Token))
            {
                delivered.Add(frame.CapturedAt);
                frame.Dispose();
            }
        });

        // The camera's own 30 fps: the clock moves one camera frame at a time, and only once the source has dealt with the last.
        var cameraInterval = TimeSpan.FromSeconds(1 / _camera.FramesPerSecond);
        await _loop.AdvanceUntilAsync(() => _camera.FramesSent >= 61 || reading.IsCompleted, cameraInterval, "two seconds of camera frames");
        stop.Cancel();
        await _loop.RunUntilCompletedAsync(reading, "the reading to stop");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        // 30 fps thinned to 10: every third frame the camera sent, from the first, one 100 ms (three camera frames) apart.
        Assert.Equal(61, _camera.FramesSent);
        Assert.Equal(Start, delivered[0]);
        Assert.Equal(21, delivered.Count);
        Assert.All(delivered.Zip(delivered.Skip(1)), pair => Assert.Equal(3 * cameraInterval, pair.Second - pair.First));
    }

    [Fact]
    public async Task Unplugging_mid_stream_fails_the_session_with_enodev()
    {
        var source = Source("v4l2:///dev/video0?width=320&height=240&fps=30");
        await using var frames = source.ReadFramesAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await frames.MoveNextAsync());
        frames.Current.Dispose();

        _camera.Unplug();
        var next = frames.MoveNextAsync().AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(40));

        var error = await Assert.ThrowsAsync<CameraDisconnectedException>(() => next);
        Assert.Contains("ENODEV", error.Message, StringComparison.Ordinal);
        var reopen = await Assert.ThrowsAsync<CameraDisconnectedException>(() => TakeAsync(source, 1));
        Assert.Contains("ENOENT", reopen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_held_by_another_process_reports_ebusy()
    {
        _camera.Busy = true;
        var source = Source("v4l2:///dev/video0?width=320&height=240");

        var error = await Assert.ThrowsAsync<CameraDisconnectedException>(() => TakeAsync(source, 1));

        Assert.Contains("EBUSY", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v4l2://dev/video0", "names no device path")]
    [InlineData("v4l2:///dev/video0?format=h264", "format='h264' is not mjpeg or yuyv")]
    [InlineData("v4l2:///dev/video0?zoom=2", "unknown parameter 'zoom'")]
    [InlineData("v4l2:///dev/video0?width=641", "even")]
    [InlineData("v4l2:///dev/video0?fps=0", "fps")]
    public void Bad_v4l2_uris_are_refused_with_the_reason(string uri, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => V4l2SourceUri.Parse(uri));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("v4l2:///dev/videoN", error.Message, StringComparison.Ordinal);
    }

    private V4l2FrameSource Source(string uri) =>
        new("cam0", V4l2SourceUri.Parse(uri), path => _camera.Open(path), _clock, _log);

    private void ReplaceCamera(SimulatedV4l2Camera camera)
    {
        _camera.Dispose();
        _camera = camera;
    }

    /// <summary>Takes <paramref name="count"/> frames, moving the fake clock on while the camera paces them.</summary>
    private async Task<List<Frame>> TakeAsync(V4l2FrameSource source, int count)
    {
        var taking = _loop.Start(async () =>
        {
            var frames = new List<Frame>();
            await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
            {
                frames.Add(frame);
                if (frames.Count == count)
                {
                    break;
                }
            }

            return frames;
        });
        await _loop.AdvanceUntilAsync(() => taking.IsCompleted, TimeSpan.FromMilliseconds(10), $"{count} frames");
        return await taking;
    }
}
