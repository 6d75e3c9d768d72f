using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Reads;

namespace Alpr.Edge.TestSupport;

/// <summary>The firmware's reports, with waits that end on the event or a deadline (never a sleep).</summary>
public sealed class FirmwareObserver : IReadReporter
{
    private readonly Lock _lock = new();
    private readonly List<PlateReadMessage> _reads = [];
    private readonly List<HotlistHitMessage> _hits = [];
    private readonly HashSet<Guid> _acknowledged = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<PlateReadMessage> Reads
    {
        get { lock (_lock) { return [.. _reads]; } }
    }

    public IReadOnlyList<HotlistHitMessage> Hits
    {
        get { lock (_lock) { return [.. _hits]; } }
    }

    public IReadOnlyList<Guid> StoredIds
    {
        get { lock (_lock) { return [.. _reads.Select(r => r.Id), .. _hits.Select(h => h.Id)]; } }
    }

    public void ReadStored(PlateReadMessage read) => Change(() => _reads.Add(read));

    public void HitStored(HotlistHitMessage hit) => Change(() => _hits.Add(hit));

    public void Acknowledged(IReadOnlyList<Guid> ids) => Change(() => _acknowledged.UnionWith(ids));

    public bool IsAcknowledged(Guid id)
    {
        lock (_lock)
        {
            return _acknowledged.Contains(id);
        }
    }

    public Task WaitForReadsAsync(int count, TimeSpan timeout) =>
        WaitUntilAsync(() => _reads.Count >= count, $"{count} reads", timeout);

    public Task WaitForHitsAsync(int count, TimeSpan timeout) =>
        WaitUntilAsync(() => _hits.Count >= count, $"{count} hits", timeout);

    /// <summary>Waits until nothing new has been stored for <paramref name="quiet"/>, at most <paramref name="timeout"/>.</summary>
    public async Task WaitUntilSettledAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var count = -1;
        while (StoredIds.Count != count && DateTime.UtcNow < deadline)
        {
            count = StoredIds.Count;
            await Task.Delay(quiet);
        }
    }

    public Task WaitForAcknowledgementsAsync(IEnumerable<Guid> ids, TimeSpan timeout)
    {
        var wanted = ids.ToList();
        return WaitUntilAsync(() => wanted.All(_acknowledged.Contains), $"acknowledgements of {wanted.Count} records", timeout);
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition())
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {what} within {timeout}");
            }
        }
    }

    private void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
