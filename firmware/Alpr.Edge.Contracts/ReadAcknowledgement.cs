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
}
