namespace Alpr.Edge.Contracts;

/// <summary>
/// A command from the bridge to one device on <c>alpr/v1/{deviceId}/command</c> (QoS 1, not retained).
/// The device answers every command with a <see cref="DeviceEventMessage"/>: <see cref="DeviceEventKinds.Hold"/>
/// when it was applied, <see cref="DeviceEventKinds.InboundRejected"/> when it was refused.
/// </summary>
public sealed record DeviceCommandMessage
{
    /// <summary>Stable id of the command, assigned by the bridge; a re-delivery with the same id is applied once.</summary>
    public required Guid Id { get; init; }

    /// <summary>One of <see cref="DeviceCommands"/>.</summary>
    public required string Command { get; init; }

    /// <summary>
    /// For <see cref="DeviceCommands.PlaceHold"/>: what to hold. Exactly one of a plate, a time window
    /// (<see cref="HoldSpec.From"/> and <see cref="HoldSpec.To"/>) or a record id.
    /// </summary>
    public HoldSpec? Hold { get; init; }

    /// <summary>For <see cref="DeviceCommands.ReleaseHold"/>: the device's id of the hold (from its <c>hold</c> event).</summary>
    public long? HoldId { get; init; }

    /// <summary>Why (case number, court order...); kept in the device's event.</summary>
    public required string Reason { get; init; }

    /// <summary>Who asked for it at the bridge.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>When the bridge issued it.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The device it is for (checked when commands are signed).</summary>
    public string? DeviceId { get; init; }

    /// <summary>After this the device refuses it (checked when commands are signed); the command's <see cref="Id"/> is its nonce.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>What a signed command claims.</summary>
    public Signing.SignedClaims Claims() => new(DeviceId, Id, IssuedAt, ExpiresAt);
}
