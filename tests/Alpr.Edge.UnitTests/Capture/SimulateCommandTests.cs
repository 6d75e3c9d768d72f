using System.CommandLine;
using Alpr.Edge.Capture.GroundTruth;
using Alpr.Edge.Firmware.Cli;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Capture;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_writes_frames_with_ground_truth_beside_them()
    {
        using var folder = new TempFolder(nameof(Simulate_writes_frames_with_ground_truth_beside_them));
        var output = Path.Combine(folder.Path, "out");

        var (exitCode, stdout, stderr) = await RunAsync(
            "simulate", "--seed", "9", "--frames", "3", "--out", output, "--plates", "7abc123", "--width", "640", "--height", "360");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("Wrote 3 frames", stdout, StringComparison.Ordinal);
        Assert.Equal(
            ["frame-000000.jpg", "frame-000000.json", "frame-000001.jpg", "frame-000001.json", "frame-000002.jpg", "frame-000002.json"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var image = SKBitmap.Decode(Path.Combine(output, "frame-000002.jpg"));
        Assert.Equal(640, image.Width);
        var truth = await GroundTruthJson.ReadAsync(Path.Combine(output, "frame-000002.json"), CancellationToken.None);
        Assert.Equal(2, truth.Sequence);
        Assert.All(truth.Plates, plate => Assert.Equal("7ABC123", plate.Text));
    }

    [Theory]
    [InlineData("--frames", "0", "--frames must be between 1 and 100000")]
    [InlineData("--plates", "NOT-A-PLATE", "NOT-A-PLATE")]
    [InlineData("--width", "10", "Width")]
    [InlineData("--seed", "many", "many")]
    public async Task Bad_arguments_give_a_one_line_reason_and_a_failing_exit_code(string option, string value, string reason)
    {
        using var folder = new TempFolder(nameof(Bad_arguments_give_a_one_line_reason_and_a_failing_exit_code));

        string[] frames = option == "--frames" ? [] : ["--frames", "1"];

        var (exitCode, _, stderr) = await RunAsync(["simulate", option, value, "--out", Path.Combine(folder.Path, "out"), .. frames]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { SimulateCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
