namespace Alpr.Edge.Bridge.Ingest;

/// <summary>What storing one ingest batch came to: what may be acknowledged, and to which device.</summary>
internal sealed class BatchOutcome
{
    /// <summary>Messages whose record (new or re-sent) or dead letter is stored.</summary>
    public HashSet<IncomingMessage> Kept { get; } = [];

    /// <summary>The ids each device gets in its acknowledgement.</summary>
    public Dictionary<string, List<Guid>> StoredByDevice { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the store failed part way: the bridge reconnects so the broker delivers the rest again.</summary>
    public bool StorageFailed { get; set; }
}
