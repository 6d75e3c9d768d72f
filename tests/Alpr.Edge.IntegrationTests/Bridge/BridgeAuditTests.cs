using System.Text.Json;
using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Keys;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>The running bridge's audit trail: the key made at start, each API request chained, checkpoints every N entries, the auditor's listing, and verify.</summary>
public sealed class BridgeAuditTests
{
    [Fact]
    public async Task Requests_are_chained_checkpointed_listed_and_verify()
    {
        await using var bridge = await RunningBridge.StartAsync(
            nameof(Requests_are_chained_checkpointed_listed_and_verify), configure: o => o.AuditCheckpointEveryEntries = 3);
        Assert.True(File.Exists(AuditKey.In(bridge.Options.DataDirectory).PrivatePath));
        using var http = bridge.CreateHttpClient();

        for (var i = 0; i < 4; i++)
        {
            (await http.GetAsync(new Uri($"/api/reads?purpose=patrol&case=C-{i}", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        using var listed = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/audit?limit=3", UriKind.Relative)));
        using var badLimit = await http.GetAsync(new Uri("/api/audit?limit=0", UriKind.Relative));
        using var checkpoints = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/audit/checkpoints", UriKind.Relative)));

        var entries = listed.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal("/api/audit?limit=3", entries[0].GetProperty("target").GetString());
        Assert.Equal("api.GET", entries[0].GetProperty("action").GetString());
        Assert.Equal(RunningBridge.TestClientUser, entries[0].GetProperty("user").GetString());
        Assert.Equal(entries[1].GetProperty("hash").GetString(), entries[0].GetProperty("previousHash").GetString());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badLimit.StatusCode);
        var head = entries[0].GetProperty("sequence").GetInt64();
        // Every third entry (the periodic checkpoint at start may have taken one more).
        Assert.Subset(
            checkpoints.RootElement.EnumerateArray().Select(c => c.GetProperty("sequence").GetInt64()).ToHashSet(),
            Enumerable.Range(1, (int)(head / 3)).Select(i => i * 3L).ToHashSet());
        Assert.Equal(
            checkpoints.RootElement.GetArrayLength(),
            (await File.ReadAllLinesAsync(bridge.Options.ResolveAuditCheckpointFile())).Length);

        using var report = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/audit/reports", UriKind.Relative)));
        Assert.Contains(report.RootElement.GetProperty("searchesByUser").EnumerateArray(), c => c.GetProperty("key").GetString() == RunningBridge.TestClientUser);
        using var csv = await http.GetAsync(new Uri("/api/audit/reports/searches-by-user?from=2000-01-01T00:00:00Z", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"user,searches\r\n{RunningBridge.TestClientUser},", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await http.GetAsync(new Uri("/api/audit/reports/nonsense", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(["audit", "verify", "--data", bridge.Options.DataDirectory], output, error, CancellationToken.None);
        Assert.Equal((ExitCodes.Success, string.Empty), (exitCode, error.ToString()));
        Assert.StartsWith("audit trail intact: ", output.ToString(), StringComparison.Ordinal);
    }
}
