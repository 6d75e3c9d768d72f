namespace Alpr.Edge.Bridge.Storage;

/// <summary>The last entry of the audit chain: its sequence and hash; sequence 0 and a null hash when the chain is empty.</summary>
/// <param name="Sequence">The last entry's sequence, 0 when there is none.</param>
/// <param name="Hash">The last entry's hash, null when there is none.</param>
public sealed record AuditChainHead(long Sequence, string? Hash)
{
    /// <summary>The head of an empty chain.</summary>
    public static AuditChainHead Empty { get; } = new(0, null);
}
