using Alpr.Edge.Storage.Durability;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Keys;

/// <summary>
/// Rotates the device key while the store stays in use: a new key-encryption key is written next to the
/// old one, every wrapped key is re-wrapped under it and a new data key generation is added in one
/// transaction, then the new key file replaces the old. Old records stay readable (their data key is
/// kept, re-wrapped); new records are sealed with the new generation. A crash at any step leaves a
/// store that opens: <see cref="KekLoader"/> finishes or discards a half-done rotation.
/// </summary>
internal static class KeyRotation
{
    /// <summary>Runs the rotation; returns the id of the new data key.</summary>
    public static long Rotate(SqliteConnection connection, KeyLocation location, KeyEncryptionKey current, string deviceId, DateTimeOffset now)
    {
        if (location.IsSystemdCredential)
        {
            throw new StoreKeyException($"The device key comes from the systemd credential '{location.Path}', which this process cannot replace; rotate it with systemd-creds and re-provision");
        }

        if (File.Exists(location.NextPath))
        {
            File.Delete(location.NextPath);
        }

        KeyFile.CreateNew(location.NextPath);
        using var next = new KeyEncryptionKey(KeyFile.Read(location.NextPath));
        long newKeyId;
        using (var transaction = WriteTransaction.Begin(connection))
        {
            var rows = new List<(long Id, KeyPurpose Purpose, byte[] Wrapped)>();
            using (var select = connection.CreateCommand())
            {
                select.CommandText = "SELECT key_id, purpose, wrapped FROM keys";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), (KeyPurpose)reader.GetInt32(1), (byte[])reader.GetValue(2)));
                }
            }

            foreach (var (id, purpose, wrapped) in rows)
            {
                if (!current.TryUnwrap(id, purpose, deviceId, wrapped, out var key))
                {
                    throw new StoreKeyException($"Wrapped key {id} does not open with the current device key; nothing was changed");
                }

                using var update = connection.CreateCommand();
                update.CommandText = "UPDATE keys SET kek_id = $kek, wrapped = $wrapped WHERE key_id = $id";
                update.Parameters.AddWithValue("$kek", next.Fingerprint);
                update.Parameters.AddWithValue("$wrapped", next.Wrap(id, purpose, deviceId, key));
                update.Parameters.AddWithValue("$id", id);
                update.ExecuteNonQuery();
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
            }

            newKeyId = KeyRing.AddKey(connection, next, deviceId, KeyPurpose.Data, now);
            transaction.Commit();
        }

        File.Move(location.NextPath, location.Path, overwrite: true);
        return newKeyId;
    }
}
