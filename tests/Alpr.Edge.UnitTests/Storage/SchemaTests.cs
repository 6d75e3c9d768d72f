using Alpr.Edge.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.UnitTests.Storage;

public sealed class SchemaTests
{
    [Fact]
    public void A_store_written_by_a_newer_firmware_is_refused_and_left_untouched()
    {
        using var harness = new StoreHarness();
        harness.AddRead("7ABC123");
        harness.Store.Checkpoint();
        harness.Store.Dispose();
        SetVersion(harness.DatabasePath, StoreSchema.CurrentVersion + 1);
        var before = File.ReadAllBytes(harness.DatabasePath);

        var error = Assert.Throws<StoreSchemaException>(() => harness.Open());
        Assert.Contains("newer firmware", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(harness.DatabasePath));

        SetVersion(harness.DatabasePath, StoreSchema.CurrentVersion);
        harness.Reopen();
    }

    [Fact]
    public void An_older_store_is_copied_aside_then_migrated_forward()
    {
        using var harness = new StoreHarness();
        harness.Store.Dispose();
        File.Delete(harness.DatabasePath);
        using (var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            connection.Open();
            SchemaMigrator.Migrate(connection, harness.DatabasePath, targetVersion: 1);
        }

        harness.Reopen();
        harness.AddRead("7ABC123");

        var backup = harness.DatabasePath + ".v1.bak";
        Assert.True(File.Exists(backup));
        Assert.Equal(1, VersionOf(backup));
        Assert.Equal(StoreSchema.CurrentVersion, harness.Store.GetStats().SchemaVersion);
        Assert.Contains(harness.Log.WithEvent(5001), m => m.Contains("from schema 1", StringComparison.Ordinal));
    }

    private static void SetVersion(string path, int version)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        command.ExecuteNonQuery();
    }

    private static long VersionOf(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }
}
