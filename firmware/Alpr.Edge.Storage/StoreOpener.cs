using Alpr.Edge.Storage.Diagnostics;
using Alpr.Edge.Storage.Durability;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Storage;

/// <summary>
/// Opens the file in the order that keeps a newer one untouched: version check first, then the pragmas
/// (WAL, <c>synchronous = FULL</c>, <c>secure_delete</c>, a WAL size limit), migration with a backup, the
/// device id, and the keys.
/// </summary>
internal static class StoreOpener
{
    private const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA secure_delete = ON;
        PRAGMA journal_size_limit = 8388608;
        PRAGMA wal_autocheckpoint = 1000;
        PRAGMA temp_store = MEMORY;
        PRAGMA cache_size = -32768;
        """;

    public static StoreParts Open(EncryptedStoreOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var directory = System.IO.Path.GetFullPath(options.DataDirectory);
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var path = System.IO.Path.Combine(directory, EncryptedStore.FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        KeyEncryptionKey? kek = null;
        try
        {
            connection.Open();
            var version = SchemaMigrator.CheckVersion(connection, path);
            Execute(connection, Pragmas);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var backup = SchemaMigrator.Migrate(connection, path);
            if (backup is not null)
            {
                StoreLog.Migrated(logger, path, version, StoreSchema.CurrentVersion, backup);
            }

            var location = options.ResolveKeyLocation();
            using var transaction = WriteTransaction.Begin(connection);
            var deviceId = DeviceIdOf(connection, options.DeviceId);
            kek = KekLoader.Load(connection, location, options.CreateKeyIfMissing);
            var keys = KeyRing.LoadOrCreate(connection, kek, deviceId, timeProvider.GetUtcNow());
            transaction.Commit();
            return new StoreParts(connection, kek, keys, location, path, deviceId);
        }
        catch
        {
            kek?.Dispose();
            connection.Dispose();
            throw;
        }
    }

    private static string DeviceIdOf(SqliteConnection connection, string configured)
    {
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT value FROM meta WHERE name = 'device_id'";
            if (select.ExecuteScalar() is string stored)
            {
                return stored;
            }
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO meta (name, value) VALUES ('device_id', $id)";
        insert.Parameters.AddWithValue("$id", configured);
        insert.ExecuteNonQuery();
        return configured;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
