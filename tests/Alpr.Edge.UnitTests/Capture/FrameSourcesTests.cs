using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Folders;
using Alpr.Edge.Capture.Simulation;
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
    [InlineData("rtsp://10.0.0.5/stream1", "not supported yet")]
    [InlineData("v4l2:///dev/video0", "not supported yet")]
    [InlineData("http://example.org/cam.mjpg", "Unsupported source")]
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
        Assert.Contains("sim://SEED", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
