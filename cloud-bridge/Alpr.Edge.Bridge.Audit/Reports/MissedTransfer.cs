namespace Alpr.Edge.Bridge.Audit.Reports;

/// <summary>A device whose data did not reach the server within the 30 days the policy allows.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="LastTransferAt">When the bridge last received a read or hit from it.</param>
/// <param name="DaysSince">Whole days from then to the end of the report's period.</param>
public sealed record MissedTransfer(string DeviceId, DateTimeOffset LastTransferAt, int DaysSince);
