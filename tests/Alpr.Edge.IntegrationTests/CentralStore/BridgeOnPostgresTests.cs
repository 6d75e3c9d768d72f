using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Contracts;
using Alpr.Edge.IntegrationTests.Bridge;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The whole bridge with <c>storage.provider = postgres</c>: devices' records go over MQTT into a real PostgreSQL.</summary>
[Collection(PostgresTests.Collection)]
public sealed class BridgeOnPostgresTests(PostgresServer server)
{
    [Fact]
    public async Task Read_and_hit_are_stored_in_postgres_once_and_acknowledged()
    {
        var database = await server.CreateDatabaseAsync(nameof(Read_and_hit_are_stored_in_postgres_once_and_acknowledged));
        var storage = new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = database };
        await using var bridge = await RunningBridge.StartAsync(nameof(Read_and_hit_are_stored_in_postgres_once_and_acknowledged), storage: storage);
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var read = TestRecords.Read("pole-1");
        var hit = TestRecords.Hit(read);

        await device.PublishReadAsync(read);
        await device.PublishHitAsync(hit);
        await device.WaitForAcksAsync(read.Id, hit.Id);
        await device.PublishReadAsync(read);
        await device.WaitForAcksAsync(read.Id);

        Assert.Equal(new(1, 1), await bridge.Host.Store.CountAsync(CancellationToken.None));
        Assert.Equal(HitVerification.Unverified, (await bridge.Host.Store.GetHitAsync(hit.Id, CancellationToken.None))!.Hit.Verification);
        Assert.Equal(["1"], await PostgresServer.QueryAsync(database, $"SELECT count(*) FROM reads_{read.CapturedAt.UtcDateTime:yyyy_MM};"));
        Assert.False(File.Exists(Path.Combine(bridge.Options.DataDirectory, "bridge.db")));
    }
}
