using System.Text.Json.Serialization;

namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>
/// What travels and is stored: the compressed <see cref="HotlistDocument"/> bytes and an ECDSA P-256/SHA-256
/// signature over exactly those bytes (IEEE P1363, r||s), with the id of the key that made it.
/// </summary>
public sealed record HotlistBundleEnvelope
{
    /// <summary>The envelope format this firmware reads.</summary>
    public const string CurrentFormat = "alpr-hotlist-bundle/1";

    /// <summary>The only signature algorithm: ECDSA over P-256 with SHA-256.</summary>
    public const string Es256 = "ES256";

    /// <summary>The only payload encoding: gzip of UTF-8 JSON.</summary>
    public const string Gzip = "gzip";

    /// <summary>Must be <see cref="CurrentFormat"/>.</summary>
    [JsonPropertyName("format")]
    public required string Format { get; init; }

    /// <summary>Must be <see cref="Es256"/>.</summary>
    [JsonPropertyName("algorithm")]
    public required string Algorithm { get; init; }

    /// <summary>Must be <see cref="Gzip"/>.</summary>
    [JsonPropertyName("encoding")]
    public required string Encoding { get; init; }

    /// <summary>Id of the signing key (<see cref="SigningKeys.KeyId(System.Security.Cryptography.ECDsa)"/>).</summary>
    [JsonPropertyName("keyId")]
    public string? KeyId { get; init; }

    /// <summary>The compressed document (base64 in JSON).</summary>
    [JsonPropertyName("payload")]
    public required byte[] Payload { get; init; }

    /// <summary>The signature over <see cref="Payload"/> (base64 in JSON); absent in an unsigned bundle.</summary>
    [JsonPropertyName("signature")]
    public byte[]? Signature { get; init; }
}
