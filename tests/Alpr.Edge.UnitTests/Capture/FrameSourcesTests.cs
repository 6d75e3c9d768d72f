using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Ffmpeg;
using Alpr.Edge.Capture.Folders;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Capture.V4l2;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class FrameSourcesTests
{
    [Fact]
    public async Task Sim_uri_with_parameters_creates_a_simulated_camera_with_those_options()
    {
        await using var source = FrameSources.Create(
            "sim://42?fps=10&frames=200&plates=7ABC123,4xyz567&night=true", "pole-3", TimeProvider.System, NullLoggerFactory.Instance);

        var camera = Assert.IsType<SimulatedCamera>(source);
        Assert.Equal("pole-3", camera.Camera);
        Assert.Equal(42, camera.Options.Seed);
        Assert.Equal(10, camera.Options.FramesPerSecond);
        Assert.Equal(200, camera.Options.FrameCount);
        Assert.Equal(["7ABC123", "4XYZ567"], camera.Options.PlateTexts!);
        Assert.True(camera.Options.Night);
    }

    [Fact]
    public async Task Bare_sim_uri_is_an_endless_daytime_stream_at_ten_frames_per_second()
    {
        await using var source = FrameSources.Create("sim://7", "pole-3", TimeProvider.System, NullLoggerFactory.Instance);

        var camera = Assert.IsType<SimulatedCamera>(source);
        Assert.Equal(7, camera.Options.Seed);
        Assert.Null(camera.Options.FrameCount);
        Assert.Equal(TimeSpan.FromMilliseconds(100), camera.Options.FrameInterval);
        Assert.False(camera.Options.Night);
    }

    [Fact]
    public async Task Folder_path_and_file_uri_create_folder_sources()
    {
        using var folder = new TempFolder(nameof(Folder_path_and_file_uri_create_folder_sources));

        await using var byPath = FrameSources.Create(folder.Path, "bench", TimeProvider.System, NullLoggerFactory.Instance);
        await using var byUri = FrameSources.Create(new Uri(folder.Path).AbsoluteUri + "?fps=0&loop=true", "bench", TimeProvider.System, NullLoggerFactory.Instance);

        Assert.IsType<FolderFrameSource>(byPath);
        Assert.IsType<FolderFrameSource>(byUri);
    }

    [Fact]
    public async Task Relative_folder_path_is_accepted()
    {
        using var folder = new TempFolder(nameof(Relative_folder_path_is_accepted));
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder.Path);

        await using var source = FrameSources.Create(relative, "bench", TimeProvider.System, NullLoggerFactory.Instance);

        Assert.IsType<FolderFrameSource>(source);
    }

    [Theory]
    [InlineData("ftp://10.0.0.5/stream1", "Unsupported source")]
    [InlineData("v4l2:///dev/video0?format=h264", "format='h264' is not mjpeg or yuyv")]
    [InlineData("rtsp://10.0.0.5/stream1#zoom=2", "unknown setting 'zoom'")]
    [InlineData("http://example.org/cam.mjpg#fps=0", "fps must be above 0 for a live camera")]
    [InlineData("/no/such/clip.mp4", "does not exist")]
    [InlineData("sim://forty-two", "seed 'forty-two' is not a whole number")]
    [InlineData("sim://42?colour=red", "unknown parameter 'colour'")]
    [InlineData("sim://42?fps=fast", "fps='fast' is not a number")]
    [InlineData("sim://42?plates=HELLO-WORLD", "HELLO-WORLD")]
    [InlineData("/no/such/folder/anywhere", "does not exist")]
    public void Unusable_source_is_refused_with_a_one_line_message_naming_it(string value, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => FrameSources.Create(value, "pole-3", TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("sim://SEED", StringComparison.Ordinal) || error.Message.Contains("v4l2:///dev/videoN", StringComparison.Ordinal)
            || error.Message.Contains("rtsp://HOST/PATH", StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("v4l2:///dev/video2?width=640&height=480&format=yuyv&fps=15&exposure=20&gain=8", typeof(V4l2FrameSource), true, 15.0)]
    [InlineData("rtsp://user:secret@10.0.0.5:554/cam/realmonitor?channel=1&subtype=0#fps=5&transport=udp", typeof(FfmpegFrameSource), true, 5.0)]
    [InlineData("https://cam.example.org/video.mjpg", typeof(FfmpegFrameSource), true, null)]
    public async Task Camera_uris_create_live_sources_with_their_settings(string uri, Type type, bool live, double? fps)
    {
        await using var source = FrameSources.Create(uri, "pole-3", TimeProvider.System, NullLoggerFactory.Instance);

        Assert.IsType(type, source);
        Assert.Equal(live, source.IsLive);
        Assert.Equal(fps, source.ExpectedFramesPerSecond);
    }

    [Fact]
    public async Task Network_camera_keeps_its_own_query_and_takes_our_settings_from_the_fragment()
    {
        await using var source = FrameSources.Create(
            "rtsp://user:secret@10.0.0.5:554/cam/realmonitor?channel=1&subtype=0#fps=5&transport=udp&width=1280&height=720", "pole-3", TimeProvider.System, NullLoggerFactory.Instance);

        var options = Assert.IsType<FfmpegFrameSource>(source).Options;
        Assert.Equal("rtsp://user:secret@10.0.0.5:554/cam/realmonitor?channel=1&subtype=0", options.Input);
        Assert.Equal(("udp", 5.0, 1280, 720), (options.RtspTransport, options.FramesPerSecond!.Value, options.Width!.Value, options.Height!.Value));
        var arguments = string.Join(' ', FfmpegArguments.For(options));
        Assert.Contains("-rtsp_transport udp", arguments, StringComparison.Ordinal);
        Assert.Contains("-vf fps=5,scale=1280:720", arguments, StringComparison.Ordinal);
        Assert.Contains("-f image2pipe -c:v mjpeg", arguments, StringComparison.Ordinal);
        Assert.Contains("-fps_mode passthrough", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_camera_drops_a_frame_that_would_repeat_a_timestamp_instead_of_stopping_ffmpeg()
    {
        // Frames stamped on arrival can share a timestamp when they come in one burst; the JPEG encoder refuses a repeated
        // one ("Invalid pts <= last") and ffmpeg exits, so the HTTP source asks for vfr.
        await using var source = FrameSources.Create("http://10.0.0.7/video.mjpg", "pole-3", TimeProvider.System, NullLoggerFactory.Instance);

        var arguments = string.Join(' ', FfmpegArguments.For(Assert.IsType<FfmpegFrameSource>(source).Options));

        Assert.Contains("-use_wallclock_as_timestamps 1", arguments, StringComparison.Ordinal);
        Assert.Contains("-fps_mode vfr -enc_time_base 1:1000000", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwords_in_camera_urls_are_not_repeated_in_messages()
    {
        var error = Assert.Throws<ArgumentException>(() => FrameSources.Create("rtsp://admin:hunter2@10.0.0.5/x#bogus=1", "pole-3", TimeProvider.System, NullLoggerFactory.Instance));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("rtsp://admin:***@10.0.0.5/x", error.Message, StringComparison.Ordinal);
    }
}
