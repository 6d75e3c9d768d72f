using Alpr.Edge.Firmware.Cli;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class FusionBenchCommandTests
{
    [Fact]
    public async Task Fusion_bench_prints_fused_best_frame_and_majority_exact_on_noisy_passes()
    {
        var (exitCode, output, error) = await Run("fusion-bench", "--passes", "3", "--frames", "3", "--seed", "5");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("fusion-bench: 3 passes x 3 frames, noise 1, seed 5", output, StringComparison.Ordinal);
        Assert.Matches(@"best single frame \(most confident\)\s+\d+/3 ", output);
        Assert.Matches(@"majority \(the tracker before fusion\)\s+\d+/3 ", output);
        Assert.Matches(@"fused vote \(Tracking:Fusion=Vote\)\s+\d+/3 ", output);
        Assert.Matches(@"fused exact \d+ vs best-frame exact \d+ vs majority exact \d+ of 3 passes", output);
        Assert.Matches(@"recognise \d+\.\d ms/crop", output);
    }

    [Fact]
    public async Task Fusion_bench_is_hidden_from_help()
    {
        var (_, output, _) = await Run("--help");

        Assert.DoesNotContain("fusion-bench", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--passes", "0")]
    [InlineData("--frames", "101")]
    [InlineData("--noise", "4")]
    public async Task Fusion_bench_refuses_out_of_range_options(string option, string value)
    {
        var (exitCode, _, error) = await Run("fusion-bench", option, value);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FirmwareCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
