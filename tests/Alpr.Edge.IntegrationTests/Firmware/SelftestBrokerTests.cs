using System.Text.Json;
using Alpr.Edge.Firmware.Cli;
using Alpr.Edge.IntegrationTests.Infrastructure;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary><c>alpr-edge selftest</c>'s broker check against a real Mosquitto broker.</summary>
public sealed class SelftestBrokerTests
{
    [Fact]
    public async Task The_broker_check_passes_against_a_running_broker_and_fails_once_it_stops()
    {
        await using var broker = await MosquittoBroker.StartAsync();

        var (exitCode, passing) = await RunAsync(broker.Url.ToString());

        // This test is about the broker check. The simulated camera's rate check measures this machine's speed: under a full
        // parallel test run it has failed here (the simulator rendered too few frames per second), so a failed exit is
        // accepted only when every failed check is such a rate shortfall.
        Assert.True(BrokerCheck(passing).GetProperty("passed").GetBoolean(), passing);
        Assert.True(
            exitCode == ExitCodes.Success || FailedChecks(passing).All(c => c.Name.StartsWith("camera", StringComparison.Ordinal) && c.Detail.Contains(" fps over ", StringComparison.Ordinal)),
            $"selftest exited {exitCode}: {passing}");

        await broker.StopAsync();
        var (stoppedExitCode, failing) = await RunAsync(broker.Url.ToString());

        Assert.Equal(ExitCodes.Failure, stoppedExitCode);
        var check = BrokerCheck(failing);
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.Contains("--broker", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    private static List<(string Name, string Detail)> FailedChecks(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => !c.GetProperty("passed").GetBoolean())
            .Select(c => (c.GetProperty("name").GetString() ?? string.Empty, c.GetProperty("detail").GetString() ?? string.Empty))
            .ToList();
    }

    private static JsonElement BrokerCheck(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "broker").Clone();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string brokerUrl)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await FirmwareCli.InvokeAsync(["selftest", "--simulate", "--json", "--broker", brokerUrl.TrimEnd('/')], output, error, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
