using System.Security.Cryptography;

namespace Alpr.Edge.Bridge.Audit.Checkpoints;

/// <summary>The bridge's audit key (ECDSA P-256) that signs checkpoints, with its id; owns and disposes the key.</summary>
public sealed class AuditSigningKey : IDisposable
{
    /// <summary>Wraps <paramref name="key"/> (a P-256 private key), whose id is <paramref name="keyId"/>.</summary>
    public AuditSigningKey(ECDsa key, string keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        Key = key;
        KeyId = keyId;
    }

    /// <summary>The private key.</summary>
    public ECDsa Key { get; }

    /// <summary>The key's id, recorded in each checkpoint.</summary>
    public string KeyId { get; }

    /// <summary>Disposes the key.</summary>
    public void Dispose() => Key.Dispose();
}
