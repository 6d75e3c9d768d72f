using Alpr.Edge.Bridge.Audit.Checkpoints;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Audit.Trail;

/// <summary>
/// The hash-chained trail: each event becomes the next entry of <c>audit_entries</c>, its hash SHA-256 over its fields
/// and the previous entry's hash (<see cref="AuditHash"/>). Appends are serialised by the store's chain lock (across
/// processes) and, in this process, by a gate, so the sequence has no gaps. Every <see cref="CheckpointEveryEntries"/>
/// entries the <see cref="AuditCheckpointer"/>, when there is one, signs a checkpoint.
/// </summary>
public sealed partial class ChainedAuditTrail : IAuditTrail, IDisposable
{
    /// <summary>Default number of entries between checkpoints.</summary>
    public const int DefaultCheckpointEveryEntries = 100;

    private readonly IAuditStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditCheckpointer? _checkpointer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// A trail over <paramref name="store"/>; <paramref name="checkpointer"/> (null on the command line, whose entries the
    /// running bridge's next checkpoint covers) checkpoints every <paramref name="checkpointEveryEntries"/> entries.
    /// </summary>
    public ChainedAuditTrail(
        IAuditStore store, TimeProvider time, ILogger<ChainedAuditTrail> logger, AuditCheckpointer? checkpointer = null,
        int checkpointEveryEntries = DefaultCheckpointEveryEntries)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpointEveryEntries, 1);
        _store = store;
        _time = time;
        _logger = logger;
        _checkpointer = checkpointer;
        CheckpointEveryEntries = checkpointEveryEntries;
    }

    /// <summary>The user recorded for an event that names none.</summary>
    public const string AnonymousUser = "anonymous";

    /// <summary>Entries between checkpoints.</summary>
    public int CheckpointEveryEntries { get; }

    /// <inheritdoc />
    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        await AppendEntryAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends <paramref name="auditEvent"/> and returns the entry as stored (sequence, time, hashes).</summary>
    public async Task<AuditEntry> AppendEntryAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (string.IsNullOrWhiteSpace(auditEvent.User))
        {
            // An attempt that named no one (an empty sign-in form) is still recorded, as anonymous.
            auditEvent = auditEvent with { User = AnonymousUser };
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action, nameof(auditEvent));
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Outcome, nameof(auditEvent));
        AuditEntry entry;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            entry = await _store.AppendAuditEntryAsync(head => Next(head, auditEvent), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        if (_checkpointer is not null && entry.Sequence % CheckpointEveryEntries == 0)
        {
            try
            {
                await _checkpointer.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The entry is in the chain; the periodic checkpoint tries again.
                CheckpointFailed(_logger, ex, entry.Sequence);
            }
        }

        return entry;
    }

    /// <summary>Disposes the gate.</summary>
    public void Dispose() => _gate.Dispose();

    private AuditEntry Next(AuditChainHead head, AuditEvent e)
    {
        var unhashed = new AuditEntry(
            head.Sequence + 1,
            AuditHash.ToStoredPrecision(_time.GetUtcNow()),
            e.User,
            e.Agency,
            e.RemoteAddress,
            e.Action,
            e.Outcome,
            e.Purpose,
            e.CaseNumber,
            e.Target,
            e.Detail,
            head.Hash ?? AuditHash.Genesis,
            string.Empty);
        return unhashed with { Hash = AuditHash.Compute(unhashed) };
    }

    [LoggerMessage(EventId = 5601, Level = LogLevel.Error, Message = "Audit checkpoint after sequence {Sequence} failed; the periodic checkpoint tries again")]
    private static partial void CheckpointFailed(ILogger logger, Exception exception, long sequence);
}
