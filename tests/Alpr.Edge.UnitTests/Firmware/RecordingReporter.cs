using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Reads;

namespace Alpr.Edge.UnitTests.Firmware;

/// <summary>Collects what the firmware reports and lets a test wait for it, with a deadline instead of sleeps.</summary>
internal sealed class RecordingReporter : IReadReporter
{
    private readonly Lock _lock = new();
    private readonly List<PlateReadMessage> _reads = [];
    private readonly List<HotlistHitMessage> _hits = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<PlateReadMessage> Reads
    {
        get { lock (_lock) { return [.. _reads]; } }
    }

    public IReadOnlyList<HotlistHitMessage> Hits
    {
        get { lock (_lock) { return [.. _hits]; } }
    }

    public void ReadStored(PlateReadMessage read) => Change(() => _reads.Add(read));

    public void HitStored(HotlistHitMessage hit) => Change(() => _hits.Add(hit));

    public void Acknowledged(IReadOnlyList<Guid> ids) => Change(() => { });

    public async Task WaitForReadsAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_reads.Count >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(deadline.Token);
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
