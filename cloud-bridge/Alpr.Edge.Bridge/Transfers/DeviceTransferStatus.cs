namespace Alpr.Edge.Bridge.Transfers;

/// <summary>Where one device stands with its transfers, as the transfer watch sees it (<c>GET /api/transfers</c>).</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="LastTransferAt">When the bridge last received a read or hit from it, or null if it never sent one.</param>
/// <param name="OldestUntransferredAt">The oldest read the device last reported it still had to send, if any.</param>
/// <param name="Overdue">True when it has not transferred for longer than <c>transferAlertAfter</c>.</param>
public sealed record DeviceTransferStatus(string DeviceId, DateTimeOffset? LastTransferAt, DateTimeOffset? OldestUntransferredAt, bool Overdue);
