using Alpr.Edge.Storage.Keys;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage;

/// <summary>What opening a store yields: the connection (migrated, pragmas set), the keys and where they came from.</summary>
internal sealed record StoreParts(SqliteConnection Connection, KeyEncryptionKey Kek, KeyRing Keys, KeyLocation KeyLocation, string Path, string DeviceId) : IDisposable
{
    public void Dispose()
    {
        Keys.Dispose();
        Kek.Dispose();
        Connection.Dispose();
    }
}
