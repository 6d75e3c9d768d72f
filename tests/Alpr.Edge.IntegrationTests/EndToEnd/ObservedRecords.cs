using System.Collections.Concurrent;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Reads;

namespace Alpr.Edge.IntegrationTests.EndToEnd;

/// <summary>A test's observer of the firmware: what it stored and what the bridge acknowledged.</summary>
internal sealed class ObservedRecords : IReadReporter
{
    private readonly TaskCompletionSource<HotlistHitMessage> _firstHit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<PlateReadMessage> Reads { get; } = new();

    public ConcurrentQueue<HotlistHitMessage> Hits { get; } = new();

    public ConcurrentDictionary<Guid, bool> AcknowledgedIds { get; } = new();

    public Task<HotlistHitMessage> FirstHit => _firstHit.Task;

    public void ReadStored(PlateReadMessage read) => Reads.Enqueue(read);

    public void HitStored(HotlistHitMessage hit)
    {
        Hits.Enqueue(hit);
        _firstHit.TrySetResult(hit);
    }

    public void Acknowledged(IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids)
        {
            AcknowledgedIds[id] = true;
        }
    }
}
