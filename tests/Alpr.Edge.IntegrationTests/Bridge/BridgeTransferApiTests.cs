using Alpr.Edge.Bridge.Hosting;
using System.Net;
using System.Text.Json;

namespace Alpr.Edge.IntegrationTests.Bridge;

public sealed class BridgeTransferApiTests
{
    [Fact]
    public async Task Transfers_and_alerts_are_on_the_api_and_audited()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Transfers_and_alerts_are_on_the_api_and_audited));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var read = TestRecords.Read("pole-1");
        await device.PublishReadAsync(read);
        await device.WaitForAcksAsync(read.Id);
        using var http = bridge.CreateHttpClient();

        using var transfers = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/transfers?purpose=audit", UriKind.Relative)));
        using var alerts = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/transfer-alerts", UriKind.Relative)));
        using var badLimit = await http.GetAsync(new Uri("/api/transfer-alerts?limit=0", UriKind.Relative));

        var pole = Assert.Single(transfers.RootElement.EnumerateArray());
        Assert.Equal("pole-1", pole.GetProperty("deviceId").GetString());
        Assert.False(pole.GetProperty("overdue").GetBoolean());
        Assert.True(pole.TryGetProperty("lastTransferAt", out _));
        Assert.Empty(alerts.RootElement.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains(await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(10, CancellationToken.None), a => a.Target == "/api/transfers?purpose=audit" && a.Purpose == "audit");
    }
}
