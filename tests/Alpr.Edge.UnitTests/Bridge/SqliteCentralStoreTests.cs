using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class SqliteCentralStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Re_sent_read_is_ignored_not_duplicated()
    {
        await using var database = await TempDatabase.CreateAsync();
        var read = TestRecords.Read();

        Assert.True(await database.Store.AddReadAsync(read, TestRecords.Noon, None));
        Assert.False(await database.Store.AddReadAsync(read, TestRecords.Noon.AddMinutes(5), None));

        Assert.Equal(new StoreCounts(1, 0), await database.Store.CountAsync(None));
        var stored = await database.Store.GetReadAsync(read.Id, None);
        Assert.Equal(TestRecords.Noon, stored!.ReceivedAt);
    }

    [Fact]
    public async Task Re_sent_hit_is_ignored_not_duplicated()
    {
        await using var database = await TempDatabase.CreateAsync();
        var hit = TestRecords.Hit(TestRecords.Read());

        Assert.True(await database.Store.AddHitAsync(hit, TestRecords.Noon, None));
        Assert.False(await database.Store.AddHitAsync(hit, TestRecords.Noon, None));

        Assert.Equal(new StoreCounts(0, 1), await database.Store.CountAsync(None));
    }

    [Fact]
    public async Task Read_comes_back_exactly_as_the_device_sent_it()
    {
        await using var database = await TempDatabase.CreateAsync();
        var read = TestRecords.Read() with { FirmwareVersion = "1.2.3" };

        await database.Store.AddReadAsync(read, TestRecords.Noon, None);
        var stored = await database.Store.GetReadAsync(read.Id, None);

        Assert.Equal(read.Id, stored!.Read.Id);
        Assert.Equal(read.Box, stored.Read.Box);
        Assert.Equal(read.Alternatives, stored.Read.Alternatives);
        Assert.Equal(read.CapturedAt, stored.Read.CapturedAt);
        Assert.Equal("1.2.3", stored.Read.FirmwareVersion);
    }

    [Fact]
    public async Task Hit_is_stored_unverified_even_when_the_device_claims_otherwise()
    {
        await using var database = await TempDatabase.CreateAsync();
        var hit = TestRecords.Hit(TestRecords.Read()) with { Verification = HitVerification.Confirmed };

        await database.Store.AddHitAsync(hit, TestRecords.Noon, None);

        var stored = Assert.Single(await database.Store.GetRecentHitsAsync(10, None));
        Assert.Equal(HitVerification.Unverified, stored.Hit.Verification);
        Assert.Equal("SV-1", stored.Hit.CaseNumber);
        Assert.Equal(hit.Read.Id, stored.Hit.Read.Id);
    }

    [Fact]
    public async Task Recent_reads_are_newest_captured_first_and_limited()
    {
        await using var database = await TempDatabase.CreateAsync();
        var old = TestRecords.Read(capturedAt: TestRecords.Noon.AddHours(-2));
        var newest = TestRecords.Read(capturedAt: TestRecords.Noon.AddHours(1));
        var middle = TestRecords.Read(capturedAt: TestRecords.Noon);
        foreach (var read in new[] { old, newest, middle })
        {
            await database.Store.AddReadAsync(read, TestRecords.Noon, None);
        }

        var recent = await database.Store.GetRecentReadsAsync(2, None);

        Assert.Equal([newest.Id, middle.Id], recent.Select(r => r.Read.Id));
    }

    [Fact]
    public async Task Reads_of_one_plate_are_found_by_plate()
    {
        await using var database = await TempDatabase.CreateAsync();
        var first = TestRecords.Read(plate: "8XYZ999", capturedAt: TestRecords.Noon);
        var second = TestRecords.Read(deviceId: "pole-2", plate: "8XYZ999", capturedAt: TestRecords.Noon.AddMinutes(3));
        await database.Store.AddReadAsync(first, TestRecords.Noon, None);
        await database.Store.AddReadAsync(TestRecords.Read(plate: "7ABC123"), TestRecords.Noon, None);
        await database.Store.AddReadAsync(second, TestRecords.Noon, None);

        var found = await database.Store.GetReadsByPlateAsync("8XYZ999", 10, None);

        Assert.Equal([second.Id, first.Id], found.Select(r => r.Read.Id));
    }

    [Fact]
    public async Task Unknown_id_is_not_found()
    {
        await using var database = await TempDatabase.CreateAsync();

        Assert.Null(await database.Store.GetReadAsync(Guid.NewGuid(), None));
        Assert.Null(await database.Store.GetHitAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task Access_audit_rows_are_kept_newest_first()
    {
        await using var database = await TempDatabase.CreateAsync();
        var first = new AccessAuditEntry(TestRecords.Noon, "local-unauthenticated", "127.0.0.1", "GET", "/api/reads", "case 1");
        var second = new AccessAuditEntry(TestRecords.Noon.AddSeconds(1), "local-unauthenticated", null, "GET", "/api/hits", null);

        await database.Store.AddAccessAuditAsync(first, None);
        await database.Store.AddAccessAuditAsync(second, None);

        Assert.Equal([second, first], await database.Store.GetRecentAccessAuditAsync(10, None));
    }

    [Fact]
    public async Task Data_survives_reopening_the_database_in_wal_mode()
    {
        await using var database = await TempDatabase.CreateAsync();
        var read = TestRecords.Read();
        await database.Store.AddReadAsync(read, TestRecords.Noon, None);

        using var reopened = new SqliteCentralStore(database.DatabasePath);
        await reopened.InitializeAsync(None);

        Assert.NotNull(await reopened.GetReadAsync(read.Id, None));
        await using var connection = new SqliteConnection($"Data Source={database.DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Database_from_a_newer_bridge_is_refused()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using (var connection = new SqliteConnection($"Data Source={database.DatabasePath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Store.InitializeAsync(None));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }
}
