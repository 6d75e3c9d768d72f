namespace Alpr.Edge.Bridge.Ingest;

/// <summary>Outcome of checking one MQTT message: a record to store and acknowledge, a device state to keep, or the one-line reason it was refused.</summary>
/// <param name="Record">The record when accepted.</param>
/// <param name="Rejection">Why the message was refused, when it was.</param>
/// <param name="State">The device's availability or periodic status, when the message was one.</param>
public sealed record IngestParseResult(IngestRecord? Record, string? Rejection, DeviceStateUpdate? State = null)
{
    /// <summary>An accepted record.</summary>
    public static IngestParseResult Accepted(IngestRecord record) => new(record, null);

    /// <summary>An accepted device state.</summary>
    public static IngestParseResult Observed(DeviceStateUpdate state) => new(null, null, state);

    /// <summary>A refused message.</summary>
    public static IngestParseResult Refused(string reason) => new(null, reason);
}
