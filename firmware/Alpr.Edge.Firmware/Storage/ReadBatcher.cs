using Alpr.Edge.Storage.Evidence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>
/// Commits reads to the device store in small batches: a read with a hit is committed at once (with the reads
/// waiting before it, in order) so a hit is durable before the uplink is woken to publish it; reads without hits
/// wait for <see cref="StorageOptions.ReadBatchSize"/> companions or <see cref="StorageOptions.ReadBatchDelay"/>,
/// whichever comes first. A power cut can lose at most that batch of hit-free reads, never a committed one.
/// A commit that fails (disk error) keeps the batch and tries again at the next flush. Thread-safe.
/// </summary>
public sealed class ReadBatcher
{
    private readonly DeviceStore _store;
    private readonly OutboxSignal _signal;
    private readonly StorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ReadBatcher> _logger;
    private readonly Lock _lock = new();
    private readonly List<(ReadToStore Item, Action OnStored)> _pending = [];
    private long _oldestPendingAt;

    /// <summary>Creates the batcher.</summary>
    public ReadBatcher(DeviceStore store, OutboxSignal signal, IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<ReadBatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _signal = signal;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Reads waiting for their batch.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Adds a read; <paramref name="onStored"/> runs once it is committed (on the committing thread). Commits now
    /// when the read has hits or the batch is full. Returns true when this call committed.
    /// </summary>
    public bool Add(ReadToStore item, Action onStored)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(onStored);
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                _oldestPendingAt = _timeProvider.GetTimestamp();
            }

            _pending.Add((item, onStored));
            return (item.Hits.Count > 0 || _pending.Count >= _options.ReadBatchSize) && CommitLocked();
        }
    }

    /// <summary>Commits the waiting reads when the oldest has waited <see cref="StorageOptions.ReadBatchDelay"/>.</summary>
    public bool FlushDue()
    {
        lock (_lock)
        {
            return _pending.Count > 0
                && _timeProvider.GetElapsedTime(_oldestPendingAt) >= _options.ReadBatchDelay
                && CommitLocked();
        }
    }

    /// <summary>Commits every waiting read now (the device is stopping, or the source ended).</summary>
    public bool Flush()
    {
        lock (_lock)
        {
            return _pending.Count > 0 && CommitLocked();
        }
    }

    private bool CommitLocked()
    {
        try
        {
            _store.AddBatch(_pending.Select(p => p.Item).ToList());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            StorageLog.BatchCommitFailed(_logger, ex, _pending.Count);
            return false;
        }

        var stored = _pending.ToList();
        _pending.Clear();
        _signal.Notify();
        foreach (var (_, onStored) in stored)
        {
            onStored();
        }

        return true;
    }
}
