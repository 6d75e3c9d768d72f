using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>Makes signed bundles (the bridge's side): JSON, gzip, then ECDSA P-256/SHA-256 over the gzip bytes.</summary>
public sealed class HotlistBundleSigner
{
    private readonly ECDsa _key;
    private readonly HotlistBundleLimits _limits;

    /// <summary>Signs with <paramref name="privateKey"/> (a P-256 key the caller keeps and disposes).</summary>
    public HotlistBundleSigner(ECDsa privateKey, HotlistBundleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.KeySize != 256)
        {
            throw new ArgumentException($"the key is {privateKey.KeySize}-bit; hot-list bundles are signed with P-256", nameof(privateKey));
        }

        _key = privateKey;
        _limits = limits ?? HotlistBundleLimits.Default;
        KeyId = SigningKeys.KeyId(privateKey);
    }

    /// <summary>Id of the signing key.</summary>
    public string KeyId { get; }

    /// <summary>The signed bundle of <paramref name="document"/>; throws <see cref="ArgumentException"/> when the document breaks a rule.</summary>
    public byte[] Sign(HotlistDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (HotlistDocumentValidator.Problem(document, _limits) is { } problem)
        {
            throw new ArgumentException($"hot list not signed: {problem}", nameof(document));
        }

        var payload = Compress(document);
        return SignPayload(payload);
    }

    /// <summary>Signs payload bytes as they are (tests use it to sign content a real bridge would refuse).</summary>
    internal byte[] SignPayload(byte[] payload)
    {
        var envelope = new HotlistBundleEnvelope
        {
            Format = HotlistBundleEnvelope.CurrentFormat,
            Algorithm = HotlistBundleEnvelope.Es256,
            Encoding = HotlistBundleEnvelope.Gzip,
            KeyId = KeyId,
            Payload = payload,
            Signature = _key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, HotlistBundleJson.Default.HotlistBundleEnvelope);
    }

    /// <summary>gzip of the document's UTF-8 JSON.</summary>
    internal static byte[] Compress(HotlistDocument document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, document, HotlistBundleJson.Default.HotlistDocument);
        }

        return buffer.ToArray();
    }
}
