namespace Alpr.Edge.Bridge.Ingest;

/// <summary>Outcome of checking one MQTT message: a record, or the one-line reason it was refused.</summary>
/// <param name="Record">The record when accepted.</param>
/// <param name="Rejection">Why the message was refused, when it was.</param>
public sealed record IngestParseResult(IngestRecord? Record, string? Rejection)
{
    /// <summary>An accepted record.</summary>
    public static IngestParseResult Accepted(IngestRecord record) => new(record, null);

    /// <summary>A refused message.</summary>
    public static IngestParseResult Refused(string reason) => new(null, reason);
}
