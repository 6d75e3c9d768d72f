namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// A device that had not transferred for longer than the bridge's <c>transferAlertAfter</c> when the transfer watch
/// checked. One alert per device and last transfer: a device still silent at the next check is not alerted again.
/// </summary>
/// <param name="DeviceId">The device.</param>
/// <param name="RaisedAt">When the watch raised it.</param>
/// <param name="LastTransferAt">When the bridge last received a read or hit from the device.</param>
/// <param name="OldestUntransferredAt">The oldest read the device reported it still had to send, if it reported one.</param>
public sealed record TransferAlert(string DeviceId, DateTimeOffset RaisedAt, DateTimeOffset LastTransferAt, DateTimeOffset? OldestUntransferredAt);
