using System.Security.Cryptography;
using System.Text.Json;

namespace Alpr.Edge.Contracts.Signing;

/// <summary>Signs bridge-to-device messages (the bridge's side) with a P-256 key the caller keeps and disposes.</summary>
public sealed class UplinkSigner
{
    private readonly ECDsa _key;

    /// <summary>Signs with <paramref name="privateKey"/>.</summary>
    public UplinkSigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.KeySize != 256)
        {
            throw new ArgumentException($"the key is {privateKey.KeySize}-bit; bridge messages are signed with P-256", nameof(privateKey));
        }

        _key = privateKey;
        KeyId = KeyIdOf(privateKey.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Id of the signing key.</summary>
    public string KeyId { get; }

    /// <summary>The id of a key given as SubjectPublicKeyInfo bytes (the same id the hot-list bundles use).</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo)[..8]);

    /// <summary>The signed envelope of <paramref name="innerJson"/>, as the bytes to publish.</summary>
    public byte[] Sign(byte[] innerJson)
    {
        ArgumentNullException.ThrowIfNull(innerJson);
        var envelope = new SignedMessage
        {
            Format = SignedMessage.CurrentFormat,
            KeyId = KeyId,
            Payload = innerJson,
            Signature = _key.SignData(innerJson, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, ContractsJson.Default.SignedMessage);
    }
}
