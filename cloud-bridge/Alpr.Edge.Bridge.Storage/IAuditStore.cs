namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// The audit chain's tables in the central store: entries (append-only, gap-free sequence) and signed checkpoints.
/// Both SQL stores implement it beside <see cref="ICentralStore"/>.
/// </summary>
public interface IAuditStore
{
    /// <summary>
    /// Appends one entry under a lock held in the transaction, so that concurrent appends, in this process or another
    /// bridge on the same database, form one gap-free chain: <paramref name="buildEntry"/> gets the current head and returns
    /// the entry to insert (its sequence must be the head's plus one). Returns the entry inserted.
    /// </summary>
    Task<AuditEntry> AppendAuditEntryAsync(Func<AuditChainHead, AuditEntry> buildEntry, CancellationToken cancellationToken);

    /// <summary>The chain's last sequence and hash.</summary>
    Task<AuditChainHead> GetAuditHeadAsync(CancellationToken cancellationToken);

    /// <summary>Entries after <paramref name="afterSequence"/>, in sequence order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditEntriesAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The latest entries, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> GetRecentAuditEntriesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Entries appended in [<paramref name="since"/>, <paramref name="until"/>), in sequence order.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditEntriesBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Stores a checkpoint; false when one for the same sequence is already stored.</summary>
    Task<bool> AddAuditCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Every checkpoint, in sequence order.</summary>
    Task<IReadOnlyList<AuditCheckpoint>> GetAuditCheckpointsAsync(CancellationToken cancellationToken);
}
