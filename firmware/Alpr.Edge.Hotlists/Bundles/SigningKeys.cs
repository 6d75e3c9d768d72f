using System.Security.Cryptography;

namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>ECDSA P-256 key helpers: create, export as PEM, and the short id that names a key in a bundle.</summary>
public static class SigningKeys
{
    /// <summary>A new P-256 key pair.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>
    /// The key's id: the first 8 bytes of the SHA-256 of its SubjectPublicKeyInfo, in lower-case hex (16 characters).
    /// </summary>
    public static string KeyId(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyId(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The id of a key given as SubjectPublicKeyInfo bytes.</summary>
    public static string KeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) => Contracts.Signing.UplinkSigner.KeyIdOf(subjectPublicKeyInfo);

    /// <summary>
    /// Reads a public key PEM (<c>-----BEGIN PUBLIC KEY-----</c>) and returns its SubjectPublicKeyInfo bytes; throws
    /// <see cref="CryptographicException"/> or <see cref="ArgumentException"/> when it is not a P-256 public key.
    /// </summary>
    public static byte[] ReadPublicKeyPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            throw new ArgumentException($"the key is {key.KeySize}-bit; hot-list bundles are signed with P-256", nameof(pem));
        }

        return key.ExportSubjectPublicKeyInfo();
    }
}
