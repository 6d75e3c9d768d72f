using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Audit.Checkpoints;

/// <summary>
/// Takes checkpoints of the audit chain: signs the chain's head with the audit key and writes it to the database and
/// to the checkpoint file outside it. Takes none when nothing was appended since the last one it took.
/// </summary>
public sealed partial class AuditCheckpointer : IDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditSigningKey _key;
    private readonly AuditCheckpointFile _file;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastSequence;

    /// <summary>Checkpoints of <paramref name="store"/>'s chain, signed by <paramref name="key"/> (owned), also written to <paramref name="file"/>.</summary>
    public AuditCheckpointer(IAuditStore store, AuditSigningKey key, AuditCheckpointFile file, TimeProvider time, ILogger<AuditCheckpointer> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _key = key;
        _file = file;
        _time = time;
        _logger = logger;
    }

    /// <summary>The checkpoint file.</summary>
    public AuditCheckpointFile File => _file;

    /// <summary>Checkpoints the chain's head; null when the chain is empty or the head is already checkpointed.</summary>
    public async Task<AuditCheckpoint?> CheckpointAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var head = await _store.GetAuditHeadAsync(cancellationToken).ConfigureAwait(false);
            if (head.Hash is null || head.Sequence <= _lastSequence)
            {
                return null;
            }

            var checkpoint = AuditCheckpointSignature.Sign(head, _time.GetUtcNow(), _key);
            if (!await _store.AddAuditCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false))
            {
                // Another bridge on this database checkpointed this head; it wrote its file.
                _lastSequence = head.Sequence;
                return null;
            }

            await _file.AppendAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            _lastSequence = head.Sequence;
            CheckpointTaken(_logger, checkpoint.Sequence, checkpoint.Hash, _file.Path);
            return checkpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Disposes the key and the gate.</summary>
    public void Dispose()
    {
        _key.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Audit checkpoint at sequence {Sequence} ({Hash}) signed and written to the database and {File}")]
    private static partial void CheckpointTaken(ILogger logger, long sequence, string hash, string file);
}
