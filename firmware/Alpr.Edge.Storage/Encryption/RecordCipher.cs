using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>
/// Seals and opens record blobs with AES-256-GCM under one data-encryption key. Every blob has a fresh
/// random 96-bit nonce; the associated data binds the device id, record id, kind, part and key id, so a
/// blob moved to another row, device or part fails authentication.
/// </summary>
internal sealed class RecordCipher : IDisposable
{
    private readonly AesGcm _aes;
    private readonly Lock _use = new(); // AesGcm reuses one native context: one operation at a time
    private readonly byte[] _deviceId;

    public RecordCipher(long keyId, ReadOnlySpan<byte> key, string deviceId)
    {
        KeyId = keyId;
        _aes = new AesGcm(key, SealedBlob.TagBytes);
        _deviceId = Encoding.UTF8.GetBytes(deviceId);
    }

    /// <summary>Row id of the key in the <c>keys</c> table.</summary>
    public long KeyId { get; }

    public byte[] Seal(Guid recordId, RecordKind kind, RecordPart part, ReadOnlySpan<byte> plaintext)
    {
        var blob = new byte[SealedBlob.OverheadBytes + plaintext.Length];
        var nonce = blob.AsSpan(0, SealedBlob.NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[AssociatedDataLength];
        WriteAssociatedData(aad, recordId, kind, part);
        lock (_use)
        {
            _aes.Encrypt(nonce, plaintext, blob.AsSpan(SealedBlob.OverheadBytes), blob.AsSpan(SealedBlob.NonceBytes, SealedBlob.TagBytes), aad);
        }

        return blob;
    }

    /// <summary>Opens a blob; false when it is too short or fails authentication (tampered, swapped, flipped bit).</summary>
    public bool TryOpen(Guid recordId, RecordKind kind, RecordPart part, ReadOnlySpan<byte> blob, out byte[] plaintext)
    {
        plaintext = [];
        if (blob.Length < SealedBlob.OverheadBytes)
        {
            return false;
        }

        var output = new byte[blob.Length - SealedBlob.OverheadBytes];
        Span<byte> aad = stackalloc byte[AssociatedDataLength];
        WriteAssociatedData(aad, recordId, kind, part);
        try
        {
            lock (_use)
            {
                _aes.Decrypt(blob[..SealedBlob.NonceBytes], blob[SealedBlob.OverheadBytes..], blob.Slice(SealedBlob.NonceBytes, SealedBlob.TagBytes), output, aad);
            }
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        plaintext = output;
        return true;
    }

    public void Dispose()
    {
        lock (_use)
        {
            _aes.Dispose();
        }
    }

    private int AssociatedDataLength => 1 + 16 + 1 + 1 + 8 + 2 + _deviceId.Length;

    private void WriteAssociatedData(Span<byte> aad, Guid recordId, RecordKind kind, RecordPart part)
    {
        aad[0] = 1; // associated-data format
        recordId.TryWriteBytes(aad.Slice(1, 16), bigEndian: true, out _);
        aad[17] = (byte)kind;
        aad[18] = (byte)part;
        BinaryPrimitives.WriteInt64BigEndian(aad.Slice(19, 8), KeyId);
        BinaryPrimitives.WriteUInt16BigEndian(aad.Slice(27, 2), (ushort)_deviceId.Length);
        _deviceId.CopyTo(aad[29..]);
    }
}
