using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Keys;

/// <summary>
/// Finds the key-encryption key that opens a store's wrapped keys: the key file, or the next key file
/// left by a rotation that committed but did not finish renaming. Creates the key for a new store when allowed.
/// </summary>
internal static class KekLoader
{
    public static KeyEncryptionKey Load(SqliteConnection connection, KeyLocation location, bool createIfMissing)
    {
        var fingerprints = new List<byte[]>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT DISTINCT kek_id FROM keys";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                fingerprints.Add((byte[])reader.GetValue(0));
            }
        }

        if (fingerprints.Count == 0)
        {
            if (!File.Exists(location.Path))
            {
                if (!createIfMissing || location.IsSystemdCredential)
                {
                    throw new StoreKeyException($"Key file '{location.Path}' does not exist; provision the device key first (alpr-edge store init-key --data DIR)");
                }

                KeyFile.CreateNew(location.Path);
            }

            DeleteIfPresent(location.NextPath);
            return new KeyEncryptionKey(KeyFile.Read(location.Path));
        }

        if (File.Exists(location.Path))
        {
            var current = new KeyEncryptionKey(KeyFile.Read(location.Path));
            if (fingerprints.TrueForAll(f => current.Matches(f)))
            {
                DeleteIfPresent(location.NextPath);
                return current;
            }

            current.Dispose();
        }

        if (!location.IsSystemdCredential && File.Exists(location.NextPath))
        {
            var next = new KeyEncryptionKey(KeyFile.Read(location.NextPath));
            if (fingerprints.TrueForAll(f => next.Matches(f)))
            {
                // A rotation committed its re-wrapped keys but stopped before the rename: finish it.
                File.Move(location.NextPath, location.Path, overwrite: true);
                return next;
            }

            next.Dispose();
        }

        throw new StoreKeyException($"Key file '{location.Path}' does not open this store's keys (another device's key, or a lost one); restore this device's key file, or move the store aside to start a new one");
    }

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
