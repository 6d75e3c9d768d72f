using Alpr.Edge.IntegrationTests.Infrastructure;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>The bridge against a real Mosquitto broker: persistent session and reconnection.</summary>
public sealed class BridgeSessionTests
{
    [Fact]
    public async Task Reads_published_while_the_bridge_is_stopped_are_stored_when_it_returns()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var data = Directory.CreateTempSubdirectory("alpr-bridge-test-").FullName;
        try
        {
            var testName = nameof(Reads_published_while_the_bridge_is_stopped_are_stored_when_it_returns);
            await (await RunningBridge.StartAsync(testName, broker.Url, data)).DisposeAsync();

            await using var device = await SimulatedDevice.ConnectAsync(broker.Url, "pole-1");
            var read = TestRecords.Read("pole-1");
            await device.PublishReadAsync(read);

            await using var bridge = await RunningBridge.StartAsync(testName, broker.Url, data);
            await device.WaitForAcksAsync(read.Id);
            Assert.NotNull(await bridge.Host.Store.GetReadAsync(read.Id, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Bridge_reconnects_and_ingests_again_after_the_broker_restarts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var bridge = await RunningBridge.StartAsync(nameof(Bridge_reconnects_and_ingests_again_after_the_broker_restarts), broker.Url);

        await broker.StopAsync();
        await broker.StartAgainAsync();

        // The broker lost every session, so, as a device does, re-send until the bridge acknowledges.
        await using var device = await SimulatedDevice.ConnectAsync(broker.Url, "pole-1");
        var read = TestRecords.Read("pole-1");
        var acknowledged = false;
        for (var attempt = 0; attempt < 30 && !acknowledged; attempt++)
        {
            await device.PublishReadAsync(read);
            try
            {
                await device.WaitForAcksAsync(TimeSpan.FromSeconds(1), read.Id);
                acknowledged = true;
            }
            catch (TimeoutException)
            {
                // Not subscribed again yet.
            }
        }

        Assert.True(acknowledged, "the bridge did not acknowledge after the broker restarted");
        Assert.NotNull(await bridge.Host.Store.GetReadAsync(read.Id, CancellationToken.None));
        Assert.Contains(bridge.Logs, l => l.EventId == 1003);
    }
}
