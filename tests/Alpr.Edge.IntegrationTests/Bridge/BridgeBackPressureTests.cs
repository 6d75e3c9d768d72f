using Alpr.Edge.IntegrationTests.Infrastructure;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// A broker that sends more unacknowledged messages than the bridge's receive maximum (Mosquitto with
/// <c>max_inflight_messages 0</c>): the bridge's bounded queue fills, and it must wait for room rather than drop a QoS 1
/// message the broker will not send again on this connection. Found by <c>alpr-bridge loadgen</c>: 15,774 of 20,000
/// reads were never stored or acknowledged.
/// </summary>
public sealed class BridgeBackPressureTests
{
    [Fact]
    public async Task A_burst_beyond_the_receive_maximum_is_stored_and_acknowledged_whole()
    {
        await using var broker = await MosquittoBroker.StartWithInflightLimitAsync(0);
        await using var bridge = await RunningBridge.StartAsync(nameof(A_burst_beyond_the_receive_maximum_is_stored_and_acknowledged_whole), broker.Url, configure: o => o.MaxInFlight = 5);
        await using var device = await SimulatedDevice.ConnectAsync(broker.Url, "burst-pole");
        var reads = Enumerable.Range(0, 1500).Select(i => TestRecords.Read("burst-pole", $"7B{i:0000}")).ToList();

        await Task.WhenAll(reads.Select(device.PublishReadAsync));
        await device.WaitForAcksAsync(TimeSpan.FromSeconds(60), [.. reads.Select(r => r.Id)]);

        Assert.Equal(1500, (await bridge.Host.Store.CountAsync(CancellationToken.None)).Reads);
        Assert.Equal(0, bridge.Host.Metrics.Dropped);
    }
}
