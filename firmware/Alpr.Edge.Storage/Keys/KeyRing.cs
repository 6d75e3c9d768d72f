using System.Security.Cryptography;
using Alpr.Edge.Storage.Encryption;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Keys;

/// <summary>
/// The store's unwrapped keys in memory: every data-key generation (old records stay readable after a
/// rotation), the newest one that seals new records, and the blind-index key.
/// </summary>
internal sealed class KeyRing : IDisposable
{
    private readonly Dictionary<long, RecordCipher> _ciphers;

    private KeyRing(Dictionary<long, RecordCipher> ciphers, RecordCipher active, BlindIndex index)
    {
        _ciphers = ciphers;
        Active = active;
        Index = index;
    }

    /// <summary>The newest data key: seals every new blob.</summary>
    public RecordCipher Active { get; }

    /// <summary>The plate blind index.</summary>
    public BlindIndex Index { get; }

    public bool TryGet(long keyId, out RecordCipher? cipher) => _ciphers.TryGetValue(keyId, out cipher);

    /// <summary>Unwraps every key; a new store gets its first data and index keys (inside the caller's transaction).</summary>
    public static KeyRing LoadOrCreate(SqliteConnection connection, KeyEncryptionKey kek, string deviceId, DateTimeOffset now)
    {
        if (CountKeys(connection) == 0)
        {
            AddKey(connection, kek, deviceId, KeyPurpose.Index, now);
            AddKey(connection, kek, deviceId, KeyPurpose.Data, now);
        }

        var ciphers = new Dictionary<long, RecordCipher>();
        BlindIndex? index = null;
        RecordCipher? active = null;
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT key_id, purpose, wrapped FROM keys ORDER BY key_id";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var keyId = reader.GetInt64(0);
            var purpose = (KeyPurpose)reader.GetInt32(1);
            if (!kek.TryUnwrap(keyId, purpose, deviceId, (byte[])reader.GetValue(2), out var key))
            {
                throw new StoreKeyException($"Wrapped key {keyId} does not open with the device key: the keys table is damaged or belongs to another device");
            }

            try
            {
                if (purpose == KeyPurpose.Index)
                {
                    index = new BlindIndex(key);
                }
                else
                {
                    active = new RecordCipher(keyId, key, deviceId);
                    ciphers.Add(keyId, active);
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        if (index is null || active is null)
        {
            throw new StoreKeyException("The store's keys table lacks a data or index key; restore the store from a backup");
        }

        return new KeyRing(ciphers, active, index);
    }

    /// <summary>Wraps a new random key under <paramref name="kek"/> and inserts it; returns its id.</summary>
    public static long AddKey(SqliteConnection connection, KeyEncryptionKey kek, string deviceId, KeyPurpose purpose, DateTimeOffset now)
    {
        long keyId;
        using (var max = connection.CreateCommand())
        {
            max.CommandText = "SELECT COALESCE(MAX(key_id), 0) + 1 FROM keys";
            keyId = (long)max.ExecuteScalar()!;
        }

        var key = RandomNumberGenerator.GetBytes(KeyFile.KeyBytes);
        try
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO keys (key_id, purpose, kek_id, wrapped, created_at) VALUES ($id, $purpose, $kek, $wrapped, $now)";
            insert.Parameters.AddWithValue("$id", keyId);
            insert.Parameters.AddWithValue("$purpose", (int)purpose);
            insert.Parameters.AddWithValue("$kek", kek.Fingerprint);
            insert.Parameters.AddWithValue("$wrapped", kek.Wrap(keyId, purpose, deviceId, key));
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return keyId;
    }

    public void Dispose()
    {
        foreach (var cipher in _ciphers.Values)
        {
            cipher.Dispose();
        }

        Index.Dispose();
    }

    private static long CountKeys(SqliteConnection connection)
    {
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM keys";
        return (long)count.ExecuteScalar()!;
    }
}
