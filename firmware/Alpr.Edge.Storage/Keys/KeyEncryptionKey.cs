using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Alpr.Edge.Storage.Encryption;

namespace Alpr.Edge.Storage.Keys;

/// <summary>
/// The device key-encryption key (KEK): wraps the store's data and index keys with AES-256-GCM. It never
/// enters the database; rows carry only its fingerprint (HMAC of a constant) to tell which KEK wrapped them.
/// </summary>
internal sealed class KeyEncryptionKey : IDisposable
{
    private static readonly byte[] FingerprintLabel = Encoding.ASCII.GetBytes("alpr-edge/kek-fingerprint/v1");
    private static readonly byte[] WrapLabel = Encoding.ASCII.GetBytes("alpr-edge/wrap/v1");

    private readonly AesGcm _aes;

    public KeyEncryptionKey(byte[] key)
    {
        _aes = new AesGcm(key, SealedBlob.TagBytes);
        Fingerprint = HMACSHA256.HashData(key, FingerprintLabel)[..16];
        CryptographicOperations.ZeroMemory(key);
    }

    /// <summary>16 bytes that identify the KEK without revealing it.</summary>
    public byte[] Fingerprint { get; }

    public bool Matches(ReadOnlySpan<byte> fingerprint) => fingerprint.SequenceEqual(Fingerprint);

    public byte[] Wrap(long keyId, KeyPurpose purpose, string deviceId, ReadOnlySpan<byte> key)
    {
        var blob = new byte[SealedBlob.OverheadBytes + key.Length];
        RandomNumberGenerator.Fill(blob.AsSpan(0, SealedBlob.NonceBytes));
        _aes.Encrypt(blob.AsSpan(0, SealedBlob.NonceBytes), key, blob.AsSpan(SealedBlob.OverheadBytes), blob.AsSpan(SealedBlob.NonceBytes, SealedBlob.TagBytes), AssociatedData(keyId, purpose, deviceId));
        return blob;
    }

    public bool TryUnwrap(long keyId, KeyPurpose purpose, string deviceId, ReadOnlySpan<byte> blob, out byte[] key)
    {
        key = [];
        if (blob.Length != SealedBlob.OverheadBytes + KeyFile.KeyBytes)
        {
            return false;
        }

        var output = new byte[KeyFile.KeyBytes];
        try
        {
            _aes.Decrypt(blob[..SealedBlob.NonceBytes], blob[SealedBlob.OverheadBytes..], blob.Slice(SealedBlob.NonceBytes, SealedBlob.TagBytes), output, AssociatedData(keyId, purpose, deviceId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        key = output;
        return true;
    }

    public void Dispose() => _aes.Dispose();

    private static byte[] AssociatedData(long keyId, KeyPurpose purpose, string deviceId)
    {
        var device = Encoding.UTF8.GetBytes(deviceId);
        var aad = new byte[WrapLabel.Length + 9 + device.Length];
        WrapLabel.CopyTo(aad, 0);
        BinaryPrimitives.WriteInt64BigEndian(aad.AsSpan(WrapLabel.Length), keyId);
        aad[WrapLabel.Length + 8] = (byte)purpose;
        device.CopyTo(aad, WrapLabel.Length + 9);
        return aad;
    }
}
