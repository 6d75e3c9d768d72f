using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Migrations;
using Alpr.Edge.Bridge.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>What only the PostgreSQL store does: migrations, month partitions, index use, and its one-line errors.</summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresLayoutTests(PostgresServer server)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Empty_database_gets_every_migration_and_a_second_start_applies_none()
    {
        var database = await server.CreateDatabaseAsync(nameof(Empty_database_gets_every_migration_and_a_second_start_applies_none));
        await using (var first = Store(database))
        {
            await first.InitializeAsync(None);
        }

        await using (var second = Store(database))
        {
            await second.InitializeAsync(None);
        }

        Assert.Equal(["1", "2", "3", "4", "6"], await PostgresServer.QueryAsync(database, $"SELECT version FROM {SchemaMigrator.ChangelogTable} WHERE type = 0 AND success ORDER BY id;"));
        Assert.Equal(["pg_trgm"], await PostgresServer.QueryAsync(database, "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm';"));
    }

    [Fact]
    public async Task Reads_land_in_a_partition_per_capture_month_created_as_they_arrive()
    {
        var database = await server.CreateDatabaseAsync(nameof(Reads_land_in_a_partition_per_capture_month_created_as_they_arrive));
        await using var store = Store(database);
        await store.InitializeAsync(None);
        Assert.Empty(await Partitions(database));

        await store.AddReadAsync(Read(capturedAt: new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero)), Noon, None);
        // A capture time given in another offset belongs to its UTC month: 2026-11-01 01:00 +02:00 is October 31st, 23:00 UTC.
        await store.AddReadAsync(Read(capturedAt: new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(2))), Noon, None);
        await store.AddReadAsync(Read(capturedAt: Noon), Noon, None);
        await store.AddReadAsync(Read(capturedAt: Noon.AddDays(1)), Noon, None);

        Assert.Equal(["reads_2026_10", "reads_2026_11"], await Partitions(database));
        Assert.Equal(["2"], await PostgresServer.QueryAsync(database, "SELECT count(*) FROM reads_2026_10;"));
        Assert.Equal(4, (await store.CountAsync(None)).Reads);
    }

    [Theory]
    [InlineData("SELECT id FROM reads WHERE plate = '7ABC123' ORDER BY captured_at DESC LIMIT 100", "reads_2026_11_plate_captured_at_idx")]
    [InlineData("SELECT id FROM reads WHERE plate LIKE 'A1B2%' LIMIT 100", "reads_2026_11_plate_idx")]
    [InlineData("SELECT id FROM reads WHERE plate LIKE '%9C3D' LIMIT 100", "reads_2026_11_plate_idx")]
    [InlineData("SELECT id FROM reads WHERE plate LIKE '4E_7F%' LIMIT 100", "reads_2026_11_plate_idx")]
    [InlineData("SELECT id FROM reads WHERE captured_at >= '2026-11-10T00:00:00Z' AND captured_at < '2026-11-10T00:05:00Z'", "reads_2026_11_captured_at_idx")]
    [InlineData("SELECT id FROM reads WHERE device_id = 'pole-7' AND camera = 'cam1' ORDER BY captured_at DESC LIMIT 100", "reads_2026_11_device_id_camera_captured_at_idx")]
    public async Task Each_search_uses_its_index_and_only_the_partitions_it_needs(string query, string index)
    {
        var database = await server.CreateDatabaseAsync(nameof(Each_search_uses_its_index_and_only_the_partitions_it_needs));
        await using var store = Store(database);
        await store.InitializeAsync(None);
        await store.AddReadAsync(Read(capturedAt: Noon), Noon, None);
        await store.AddReadAsync(Read(capturedAt: Noon.AddMonths(-1)), Noon, None);
        // 100,000 reads over two months, 400 devices with 2 cameras each, random plates.
        await PostgresServer.QueryAsync(database, """
            INSERT INTO reads (id, device_id, camera, plate, confidence, captured_at, received_at, payload)
            SELECT gen_random_uuid(), 'pole-' || (i % 400), 'cam' || (i % 2),
                   upper(substr(md5(i::text), 1, 7)), 0.9,
                   timestamptz '2026-10-01 00:00:00+00' + (i * interval '50 seconds'), now(), '{}'::jsonb
            FROM generate_series(1, 100000) AS i;
            """);
        // As autovacuum would: statistics, and the trigram index's pending entries merged (a fresh GIN index defers them).
        await PostgresServer.QueryAsync(database, "VACUUM ANALYZE reads;");

        var plan = string.Join('\n', await PostgresServer.QueryAsync(database, "EXPLAIN " + query));

        Assert.True(plan.Contains(index, StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
        if (query.Contains("'2026-11-10", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("reads_2026_10", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Purge_drops_whole_months_before_the_cutoff_and_keeps_the_month_it_falls_in()
    {
        var database = await server.CreateDatabaseAsync(nameof(Purge_drops_whole_months_before_the_cutoff_and_keeps_the_month_it_falls_in));
        await using var store = Store(database);
        await store.InitializeAsync(None);
        var cutoff = new DateTimeOffset(2025, 10, 20, 0, 0, 0, TimeSpan.Zero);
        var august = Read(capturedAt: new DateTimeOffset(2025, 8, 5, 0, 0, 0, TimeSpan.Zero));
        var september = Read(capturedAt: new DateTimeOffset(2025, 9, 30, 23, 59, 59, TimeSpan.Zero));
        var octoberBeforeCutoff = Read(capturedAt: cutoff.AddDays(-5));
        foreach (var read in new[] { august, september, september with { Id = Guid.NewGuid() }, octoberBeforeCutoff })
        {
            await store.AddReadAsync(read, Noon, None);
        }

        var result = await store.PurgeReadsAsync(cutoff, Noon, None);

        Assert.Equal(["reads_2025_08", "reads_2025_09"], result.DroppedPartitions);
        Assert.Equal(3, result.Purged);
        Assert.Equal(["reads_2025_10"], await Partitions(database));
        Assert.NotNull(await store.GetReadAsync(octoberBeforeCutoff.Id, None));
        // A month that was dropped comes back when a late upload falls in it.
        Assert.True(await store.AddReadAsync(Read(capturedAt: august.CapturedAt), Noon, None));
        Assert.Equal(["reads_2025_08", "reads_2025_10"], await Partitions(database));
    }

    [Fact]
    public async Task Unreachable_server_is_one_line_naming_host_port_and_database()
    {
        var port = Infrastructure.FreePort.Next();
        await using var store = new PostgresCentralStore($"Host=127.0.0.1;Port={port};Database=alpr;Username=alpr;Timeout=5", NullLogger<PostgresCentralStore>.Instance);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(None));

        Assert.StartsWith($"cannot reach PostgreSQL 127.0.0.1:{port}/alpr: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Missing_database_is_one_line_with_the_servers_reason()
    {
        var connectionString = server.ConnectionString("no_such_database");
        await using var store = Store(connectionString);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(None));

        Assert.Equal($"cannot reach PostgreSQL 127.0.0.1:{server.Port}/no_such_database: database \"no_such_database\" does not exist (3D000)", error.Message);
    }

    [Fact]
    public async Task Database_from_a_newer_bridge_is_refused()
    {
        var database = await server.CreateDatabaseAsync(nameof(Database_from_a_newer_bridge_is_refused));
        await using (var first = Store(database))
        {
            await first.InitializeAsync(None);
        }

        await PostgresServer.QueryAsync(database, $"""
            INSERT INTO {SchemaMigrator.ChangelogTable} (type, version, description, name, checksum, installed_by, success)
            VALUES (0, '99', 'from the future', 'V99__from_the_future.sql', 'x', 'test', true);
            """);
        await using var store = Store(database);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(None));

        Assert.EndsWith("has schema version 99; this bridge knows up to 6. Use a newer bridge.", error.Message, StringComparison.Ordinal);
    }

    private static PostgresCentralStore Store(string connectionString) => new(connectionString, NullLogger<PostgresCentralStore>.Instance);

    private static Task<IReadOnlyList<string>> Partitions(string database) => PostgresServer.QueryAsync(database, """
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'reads'::regclass ORDER BY c.relname;
        """);
}
