using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>
/// Verifies bundles (the device's side). In order: size, envelope JSON and format, a signature present, the key
/// trusted, the signature over the exact payload bytes; only then is the payload decompressed (with a limit) and
/// parsed strictly, its entries checked, and its version compared with the running one. Never throws for bad input.
/// </summary>
public sealed class HotlistBundleVerifier
{
    private readonly Dictionary<string, byte[]> _trusted;
    private readonly HotlistBundleLimits _limits;

    /// <summary>Trusts the given public keys (SubjectPublicKeyInfo bytes, see <see cref="SigningKeys.ReadPublicKeyPem"/>).</summary>
    public HotlistBundleVerifier(IEnumerable<byte[]> trustedPublicKeys, HotlistBundleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(trustedPublicKeys);
        _trusted = trustedPublicKeys.DistinctBy(k => SigningKeys.KeyId(k)).ToDictionary(k => SigningKeys.KeyId(k), StringComparer.Ordinal);
        _limits = limits ?? HotlistBundleLimits.Default;
    }

    /// <summary>Ids of the trusted keys.</summary>
    public IReadOnlyCollection<string> TrustedKeyIds => _trusted.Keys;

    /// <summary>Verifies <paramref name="bundle"/>; <paramref name="runningVersion"/> is the version installed now (0 for none).</summary>
    public BundleVerification Verify(ReadOnlySpan<byte> bundle, long runningVersion)
    {
        if (bundle.Length > _limits.MaxBundleBytes)
        {
            return BundleVerification.Rejected(BundleRejectionReason.Oversized, $"bundle of {bundle.Length} bytes exceeds the {_limits.MaxBundleBytes}-byte limit");
        }

        if (ParseEnvelope(bundle, out var envelope) is { } envelopeProblem)
        {
            return envelopeProblem;
        }

        var keyId = envelope!.KeyId;
        if (envelope.Signature is not { Length: > 0 } signature)
        {
            return BundleVerification.Rejected(BundleRejectionReason.NotSigned, "bundle is not signed", keyId);
        }

        if (keyId is null || !_trusted.TryGetValue(keyId, out var publicKey))
        {
            return BundleVerification.Rejected(
                BundleRejectionReason.UnknownKey,
                $"bundle is signed by key '{keyId ?? "(none named)"}', which this device does not trust (trusted: {string.Join(", ", _trusted.Keys)})",
                keyId);
        }

        using (var key = ECDsa.Create())
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            if (!key.VerifyData(envelope.Payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return BundleVerification.Rejected(BundleRejectionReason.BadSignature, $"signature does not verify with key '{keyId}': the bundle was altered or signed by another key", keyId);
            }
        }

        if (ParseDocument(envelope.Payload, keyId, out var document) is { } documentProblem)
        {
            return documentProblem;
        }

        if (HotlistDocumentValidator.Problem(document!, _limits) is { } problem)
        {
            return BundleVerification.Rejected(BundleRejectionReason.InvalidContent, problem, keyId);
        }

        if (document!.ListVersion < runningVersion)
        {
            return BundleVerification.Rejected(BundleRejectionReason.Rollback, $"version {document.ListVersion} is older than version {runningVersion} running (rollback refused)", keyId);
        }

        if (document.ListVersion == runningVersion)
        {
            return BundleVerification.Rejected(BundleRejectionReason.AlreadyRunning, $"version {document.ListVersion} is running already", keyId);
        }

        return new BundleVerification
        {
            Document = document,
            KeyId = keyId,
            Message = $"version {document.ListVersion} from {document.Issuer} issued {document.IssuedAt:u}, {document.Entries.Count} entries, signed by key '{keyId}'",
        };
    }

    private static BundleVerification? ParseEnvelope(ReadOnlySpan<byte> bundle, out HotlistBundleEnvelope? envelope)
    {
        envelope = null;
        try
        {
            envelope = JsonSerializer.Deserialize(bundle, HotlistBundleJson.Default.HotlistBundleEnvelope);
        }
        catch (JsonException ex)
        {
            return Classify(ex, "bundle");
        }

        if (envelope is null)
        {
            return BundleVerification.Rejected(BundleRejectionReason.Malformed, "bundle is JSON null");
        }

        if (envelope.Format != HotlistBundleEnvelope.CurrentFormat)
        {
            return BundleVerification.Rejected(BundleRejectionReason.WrongSchema, $"bundle format '{envelope.Format}' is not {HotlistBundleEnvelope.CurrentFormat}");
        }

        if (envelope.Algorithm != HotlistBundleEnvelope.Es256 || envelope.Encoding != HotlistBundleEnvelope.Gzip)
        {
            return BundleVerification.Rejected(
                BundleRejectionReason.WrongSchema,
                $"bundle algorithm '{envelope.Algorithm}' / encoding '{envelope.Encoding}' is not {HotlistBundleEnvelope.Es256} / {HotlistBundleEnvelope.Gzip}");
        }

        return null;
    }

    private BundleVerification? ParseDocument(byte[] payload, string keyId, out HotlistDocument? document)
    {
        document = null;
        try
        {
            using var stream = new LimitedReadStream(new GZipStream(new MemoryStream(payload, writable: false), CompressionMode.Decompress), _limits.MaxDocumentBytes);
            document = JsonSerializer.Deserialize(stream, HotlistBundleJson.Default.HotlistDocument);
        }
        catch (BundleTooLargeException ex)
        {
            return BundleVerification.Rejected(BundleRejectionReason.Oversized, ex.Message, keyId);
        }
        catch (InvalidDataException ex)
        {
            return BundleVerification.Rejected(BundleRejectionReason.Malformed, $"payload is not gzip: {ex.Message}", keyId);
        }
        catch (JsonException ex)
        {
            return Classify(ex, "document", keyId);
        }

        return document is null ? BundleVerification.Rejected(BundleRejectionReason.Malformed, "document is JSON null", keyId) : null;
    }

    /// <summary>
    /// Tells JSON that does not parse (malformed: the reader's exception, derived from JsonException, thrown as is or
    /// wrapped by the serializer) from well-formed JSON of the wrong shape (wrong schema: the serializer's own).
    /// </summary>
    private static BundleVerification Classify(JsonException ex, string what, string? keyId = null)
    {
        var message = ex.Message.ReplaceLineEndings(" ");
        return ex.GetType() != typeof(JsonException) || ex.InnerException is JsonException
            ? BundleVerification.Rejected(BundleRejectionReason.Malformed, $"{what} is not valid JSON: {message}", keyId)
            : BundleVerification.Rejected(BundleRejectionReason.WrongSchema, $"{what} does not follow the schema: {message}", keyId);
    }
}
