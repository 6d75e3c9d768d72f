using Alpr.Edge.IntegrationTests.Infrastructure;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// The real <c>alpr-edge run</c> as a child process with a setting it refuses at start-up: the reason comes out in one line
/// with a failing exit code, and nothing on either stream is a stack trace (the generic host's own "Hosting failed to
/// start" log carries one).
/// </summary>
public sealed class RunStartupErrorTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-run-startup-").FullName;

    [Theory]
    [InlineData("ALPR_EDGE_Recognition__IntraOpThreads", "999", "Recognition:IntraOpThreads must be 1..64, got 999")]
    [InlineData("ALPR_EDGE_Recognition__DetectorMaxSide", "1280", "Recognition:DetectorMaxSide 1280 is above what detector")]
    public async Task A_refused_setting_is_one_line_and_no_stack_trace(string variable, string value, string reason)
    {
        using var device = AlprEdgeProcess.Start(
            ["run", "--source", "sim://1", "--data", _directory, "--for", "20s"],
            new Dictionary<string, string> { [variable] = value });
        using var timeout = new CancellationTokenSource(Patience);
        var output = device.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = device.StandardError.ReadToEndAsync(timeout.Token);
        await device.WaitForExitAsync(timeout.Token);
        var all = await output + await error;

        Assert.NotEqual(0, device.ExitCode);
        var line = Assert.Single(all.Split('\n'), l => l.StartsWith("alpr-edge: ", StringComparison.Ordinal));
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", all, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
