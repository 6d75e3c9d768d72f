namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status"><c>ok</c> when the ingest is connected and subscribed, otherwise <c>degraded</c>.</param>
/// <param name="IngestConnected">Whether the ingest is connected to the broker and subscribed.</param>
/// <param name="Version">The bridge's informational version.</param>
/// <param name="Received">MQTT messages received since start.</param>
/// <param name="Stored">Reads and hits newly stored since start.</param>
/// <param name="Duplicates">Re-sent reads and hits ignored since start.</param>
/// <param name="Dropped">Unusable messages refused since start, each kept with its reason in the dead letters (<c>/api/dead-letters</c>).</param>
public sealed record HealthReport(
    string Status,
    bool IngestConnected,
    string Version,
    long Received,
    long Stored,
    long Duplicates,
    long Dropped);
