namespace Alpr.Edge.Contracts.Signing;

/// <summary>What a signed message claims about itself, checked by the device after the signature.</summary>
/// <param name="DeviceId">The device it is for.</param>
/// <param name="Nonce">Unique per message: a second message with the same nonce is a replay.</param>
/// <param name="IssuedAt">When the bridge signed it.</param>
/// <param name="ExpiresAt">After this the device refuses it.</param>
public sealed record SignedClaims(string? DeviceId, Guid? Nonce, DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt);
