using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.IntegrationTests.Bridge;
using Alpr.Edge.IntegrationTests.Infrastructure;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>
/// Scale-out: two bridge instances share one subscription on a real Mosquitto and store into one PostgreSQL. Each record
/// reaches one instance, is stored exactly once, and the device gets its acknowledgement.
/// </summary>
[Collection(PostgresTests.Collection)]
public sealed class SharedSubscriptionTests(PostgresServer server)
{
    [Fact]
    public async Task Two_bridges_sharing_the_subscription_store_each_record_once_and_acknowledge_every_one()
    {
        var database = await server.CreateDatabaseAsync(nameof(Two_bridges_sharing_the_subscription_store_each_record_once_and_acknowledge_every_one));
        var storage = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = database };
        await using var broker = await MosquittoBroker.StartAsync();
        await using var first = await RunningBridge.StartAsync("shared-a", broker.Url, storage: storage, configure: o => o.SharedSubscriptionGroup = "alpr-bridge");
        await using var second = await RunningBridge.StartAsync("shared-b", broker.Url, storage: storage, configure: o => o.SharedSubscriptionGroup = "alpr-bridge");
        await using var poleOne = await SimulatedDevice.ConnectAsync(broker.Url, "pole-1");
        await using var poleTwo = await SimulatedDevice.ConnectAsync(broker.Url, "pole-2");
        var reads = Enumerable.Range(0, 100).Select(i => TestRecords.Read(i % 2 == 0 ? "pole-1" : "pole-2", $"7ABC{i:000}")).ToList();
        var hits = reads.Take(10).Select(TestRecords.Hit).ToList();

        foreach (var read in reads)
        {
            await (read.DeviceId == "pole-1" ? poleOne : poleTwo).PublishReadAsync(read);
        }

        foreach (var hit in hits)
        {
            await (hit.Read.DeviceId == "pole-1" ? poleOne : poleTwo).PublishHitAsync(hit);
        }

        await poleOne.WaitForAcksAsync(TimeSpan.FromSeconds(30), [.. reads.Where(r => r.DeviceId == "pole-1").Select(r => r.Id), .. hits.Where(h => h.Read.DeviceId == "pole-1").Select(h => h.Id)]);
        await poleTwo.WaitForAcksAsync(TimeSpan.FromSeconds(30), [.. reads.Where(r => r.DeviceId == "pole-2").Select(r => r.Id), .. hits.Where(h => h.Read.DeviceId == "pole-2").Select(h => h.Id)]);

        Assert.Equal(new(100, 10), await first.Host.Store.CountAsync(CancellationToken.None));
        var storedByFirst = first.Host.Metrics.Stored;
        var storedBySecond = second.Host.Metrics.Stored;
        Assert.Equal(110, storedByFirst + storedBySecond);
        Assert.True(storedByFirst > 0 && storedBySecond > 0, $"one instance took everything: {storedByFirst} and {storedBySecond}");
        Assert.Equal(0, first.Host.Metrics.Duplicates + second.Host.Metrics.Duplicates);
    }

    [Fact]
    public void A_shared_subscription_on_the_embedded_broker_or_with_a_bad_group_is_refused_at_start()
    {
        var validator = new BridgeOptionsValidator();

        var embedded = validator.Validate(null, new BridgeOptions { EmbeddedBrokerPort = 1883, SharedSubscriptionGroup = "alpr-bridge" });
        var bad = validator.Validate(null, new BridgeOptions { SharedSubscriptionGroup = "a/b#" });

        Assert.Contains(embedded.Failures!, f => f.StartsWith("sharedSubscriptionGroup: the embedded broker serves one bridge", StringComparison.Ordinal));
        Assert.Contains(bad.Failures!, f => f.StartsWith("sharedSubscriptionGroup: 'a/b#' must be", StringComparison.Ordinal));
    }
}
