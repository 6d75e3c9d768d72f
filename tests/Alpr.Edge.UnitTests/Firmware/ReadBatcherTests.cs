using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Storage.Evidence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class ReadBatcherTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly DeviceStore _store;
    private readonly OutboxSignal _signal = new();
    private readonly List<string> _stored = [];

    public ReadBatcherTests()
    {
        _store = DeviceStore.Open(_temp.Path, _clock);
    }

    [Fact]
    public void Reads_without_hits_wait_for_a_full_batch_then_go_in_one_commit_in_order()
    {
        var batcher = Batcher(batchSize: 3);
        Assert.False(batcher.Add(Item("AAA111"), () => _stored.Add("AAA111")));
        Assert.False(batcher.Add(Item("BBB222"), () => _stored.Add("BBB222")));
        Assert.Equal(0, _store.Count(RecordKind.Read).NotSent);
        Assert.Empty(_stored);

        Assert.True(batcher.Add(Item("CCC333"), () => _stored.Add("CCC333")));
        Assert.Equal(3, _store.Count(RecordKind.Read).NotSent);
        Assert.Equal(["AAA111", "BBB222", "CCC333"], _stored);
        Assert.Equal(0, batcher.Pending);
    }

    [Fact]
    public void A_read_with_a_hit_is_committed_at_once_with_the_reads_waiting_before_it()
    {
        var batcher = Batcher(batchSize: 32);
        batcher.Add(Item("AAA111"), () => _stored.Add("AAA111"));
        var hitRead = Read("7ABC123");
        Assert.True(batcher.Add(new ReadToStore(hitRead, [Hit(hitRead)], ReadEvidence.None), () => _stored.Add("7ABC123")));

        Assert.Equal(2, _store.Count(RecordKind.Read).NotSent);
        Assert.Equal(1, _store.Count(RecordKind.Hit).NotSent);
        Assert.Equal(["AAA111", "7ABC123"], _stored);
    }

    [Fact]
    public void A_waiting_read_is_committed_once_the_batch_delay_has_passed()
    {
        var batcher = Batcher(batchSize: 32, delay: TimeSpan.FromSeconds(1));
        batcher.Add(Item("AAA111"), () => _stored.Add("AAA111"));
        _clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(batcher.FlushDue());
        Assert.Equal(1, batcher.Pending);

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(batcher.FlushDue());
        Assert.Equal(1, _store.Count(RecordKind.Read).NotSent);
        Assert.Equal(["AAA111"], _stored);
    }

    [Fact]
    public async Task Flush_commits_whatever_waits_and_wakes_the_uplink()
    {
        var batcher = Batcher(batchSize: 32);
        batcher.Add(Item("AAA111"), () => _stored.Add("AAA111"));
        Assert.False(await _signal.WaitAsync(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None));

        Assert.True(batcher.Flush());
        Assert.True(await _signal.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None));
        Assert.False(batcher.Flush());
        Assert.Equal(1, _store.Count(RecordKind.Read).NotSent);
    }

    [Fact]
    public void A_failed_commit_reports_nothing_stored_and_keeps_the_reads_queued()
    {
        var batcher = Batcher(batchSize: 32);
        batcher.Add(Item("AAA111"), () => _stored.Add("AAA111"));
        _store.Dispose(); // the commit throws, as on a disk error

        Assert.False(batcher.Flush());
        Assert.Empty(_stored);
        Assert.Equal(1, batcher.Pending);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private ReadBatcher Batcher(int batchSize, TimeSpan? delay = null) => new(
        _store,
        _signal,
        Options.Create(new StorageOptions { ReadBatchSize = batchSize, ReadBatchDelay = delay ?? TimeSpan.FromSeconds(1) }),
        _clock,
        NullLogger<ReadBatcher>.Instance);

    private ReadToStore Item(string plate) => new(Read(plate), [], ReadEvidence.None);

    private PlateReadMessage Read(string plate) => new()
    {
        Id = Guid.CreateVersion7(_clock.GetUtcNow()),
        DeviceId = "pole-1",
        Camera = "cam0",
        Plate = plate,
        Confidence = 0.9,
        CapturedAt = _clock.GetUtcNow(),
    };

    private static HotlistHitMessage Hit(PlateReadMessage read) => new()
    {
        Id = Guid.CreateVersion7(),
        Read = read,
        ListName = "stolen",
        Category = "vehicle",
        EntryPlate = read.Plate,
        MatchKind = "exact",
    };
}
