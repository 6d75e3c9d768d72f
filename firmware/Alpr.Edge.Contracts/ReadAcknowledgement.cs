namespace Alpr.Edge.Contracts;

/// <summary>
/// Sent by the bridge on <c>alpr/v1/{deviceId}/ack</c> once the listed records are stored centrally.
/// Only then may the device mark them transferred.
/// </summary>
public sealed record ReadAcknowledgement
{
    /// <summary>Ids of reads, hits and device events now stored at the bridge.</summary>
    public required IReadOnlyList<Guid> Ids { get; init; }

    /// <summary>When the bridge stored them.</summary>
    public required DateTimeOffset StoredAt { get; init; }

    /// <summary>The device it is for (checked when acknowledgements are signed).</summary>
    public string? DeviceId { get; init; }

    /// <summary>Unique per acknowledgement: a second one with the same nonce is a replay.</summary>
    public Guid? Nonce { get; init; }

    /// <summary>After this the device refuses it.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>What a signed acknowledgement claims (<see cref="StoredAt"/> is its issue time).</summary>
    public Signing.SignedClaims Claims() => new(DeviceId, Nonce, StoredAt, ExpiresAt);
}
