namespace Alpr.Edge.Contracts.Signing;

/// <summary>
/// A bridge-to-device message (acknowledgement or command) signed by the bridge: the message's JSON exactly as signed, and
/// an ECDSA P-256/SHA-256 signature over those bytes (IEEE P1363, r||s) with the id of the key that made it. The inner
/// message names the device it is for, a nonce and an expiry (<see cref="SignedClaims"/>), so it cannot be replayed to
/// another device, twice, or late.
/// </summary>
public sealed record SignedMessage
{
    /// <summary>The only format.</summary>
    public const string CurrentFormat = "alpr-signed/1";

    /// <summary>Must be <see cref="CurrentFormat"/>.</summary>
    public required string Format { get; init; }

    /// <summary>Id of the signing key: the first 8 bytes of the SHA-256 of its SubjectPublicKeyInfo, lower-case hex.</summary>
    public required string KeyId { get; init; }

    /// <summary>The inner message's UTF-8 JSON (base64 on the wire).</summary>
    public required byte[] Payload { get; init; }

    /// <summary>The signature over <see cref="Payload"/> (base64 on the wire).</summary>
    public required byte[] Signature { get; init; }
}
