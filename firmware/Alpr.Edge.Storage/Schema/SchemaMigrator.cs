using System.Globalization;
using Alpr.Edge.Storage.Durability;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Schema;

/// <summary>
/// Brings a store file to <see cref="StoreSchema.CurrentVersion"/>: refuses a newer file untouched, copies an
/// older one aside (<c>store.db.v{N}.bak</c>, a consistent snapshot) before migrating, and runs each
/// migration in its own transaction together with its version bump.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Reads the file's version; throws before anything is written when it is newer than this firmware.</summary>
    public static int CheckVersion(SqliteConnection connection, string path)
    {
        var version = ReadVersion(connection);
        if (version > StoreSchema.CurrentVersion)
        {
            throw new StoreSchemaException(
                $"Store '{path}' is at schema version {version}, written by a newer firmware; this firmware reads up to version {StoreSchema.CurrentVersion}. " +
                "Install that firmware again (or newer); the file was left untouched");
        }

        return version;
    }

    /// <summary>Migrates to <paramref name="targetVersion"/>; returns the backup's path, or null when none was needed.</summary>
    public static string? Migrate(SqliteConnection connection, string path, int targetVersion = StoreSchema.CurrentVersion)
    {
        var version = CheckVersion(connection, path);
        if (version >= targetVersion)
        {
            return null;
        }

        string? backup = null;
        if (version > 0)
        {
            backup = $"{path}.v{version.ToString(CultureInfo.InvariantCulture)}.bak";
            if (File.Exists(backup))
            {
                File.Delete(backup);
            }

            using var copy = connection.CreateCommand();
            copy.CommandText = "VACUUM INTO $backup";
            copy.Parameters.AddWithValue("$backup", backup);
            copy.ExecuteNonQuery();
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(backup, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        for (var next = version + 1; next <= targetVersion; next++)
        {
            using var transaction = WriteTransaction.Begin(connection);
            using var migrate = connection.CreateCommand();
            migrate.CommandText = StoreSchema.Migrations[next - 1] + $"\nPRAGMA user_version = {next.ToString(CultureInfo.InvariantCulture)};";
            migrate.ExecuteNonQuery();
            transaction.Commit();
        }

        return backup;
    }

    private static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
