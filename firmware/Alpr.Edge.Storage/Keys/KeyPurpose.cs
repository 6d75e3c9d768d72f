namespace Alpr.Edge.Storage.Keys;

/// <summary>What a wrapped key in the <c>keys</c> table is for.</summary>
internal enum KeyPurpose
{
    /// <summary>AES-256-GCM data-encryption key for record blobs (one per generation; the newest seals).</summary>
    Data = 0,

    /// <summary>HMAC-SHA256 key of the plate blind index (one per store; never rotated, or lookups break).</summary>
    Index = 1,
}
