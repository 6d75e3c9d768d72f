using System.Security.Cryptography;
using System.Text;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Checkpoints;

/// <summary>
/// Signs and checks checkpoints: ECDSA P-256 with SHA-256 (IEEE P1363, base64) over
/// <c>"alpr-audit-checkpoint/1\n"</c>, the sequence, the head hash, the time and the key id, encoded as entries are.
/// </summary>
public static class AuditCheckpointSignature
{
    private static readonly byte[] CheckpointDomain = Encoding.ASCII.GetBytes("alpr-audit-checkpoint/1\n");

    /// <summary>A signed checkpoint of <paramref name="head"/> (not empty) at <paramref name="at"/>.</summary>
    public static AuditCheckpoint Sign(AuditChainHead head, DateTimeOffset at, AuditSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(key);
        if (head.Hash is null)
        {
            throw new ArgumentException("an empty chain has no checkpoint", nameof(head));
        }

        var unsigned = new AuditCheckpoint(head.Sequence, head.Hash, AuditHash.ToStoredPrecision(at), key.KeyId, string.Empty);
        var signature = key.Key.SignData(Payload(unsigned), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>True when <paramref name="checkpoint"/>'s signature is valid under <paramref name="publicKey"/>.</summary>
    public static bool Verify(AuditCheckpoint checkpoint, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(publicKey);
        var signature = new byte[64];
        return Convert.TryFromBase64String(checkpoint.Signature, signature, out var written)
            && written == signature.Length
            && publicKey.VerifyData(Payload(checkpoint), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static byte[] Payload(AuditCheckpoint checkpoint)
    {
        using var bytes = new MemoryStream();
        bytes.Write(CheckpointDomain);
        AuditHash.WriteInt64(bytes, checkpoint.Sequence);
        AuditHash.WriteText(bytes, checkpoint.Hash);
        AuditHash.WriteInt64(bytes, AuditHash.ToUnixMicroseconds(checkpoint.At));
        AuditHash.WriteText(bytes, checkpoint.KeyId);
        return bytes.ToArray();
    }
}
