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

    [Fact]
    public async Task The_bridge_whose_broker_port_is_taken_says_so_in_one_line_without_a_stack_trace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using var bridge = AlprEdgeProcess.StartBridge(["run", "--data", Path.Combine(_directory, "bridge"), "--urls", "http://127.0.0.1:0", "--embedded-broker", $"{port}"]);
        using var timeout = new CancellationTokenSource(Patience);
        var output = bridge.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = bridge.StandardError.ReadToEndAsync(timeout.Token);
        await bridge.WaitForExitAsync(timeout.Token);
        var all = await output + await error;

        Assert.NotEqual(0, bridge.ExitCode);
        Assert.Contains($"alpr-bridge: the embedded broker's port 127.0.0.1:{port} is already in use", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
