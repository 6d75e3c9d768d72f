using Alpr.Edge.Storage.Holds;
using Alpr.Edge.Storage.Outbox;
using Alpr.Edge.Storage.Ring;

namespace Alpr.Edge.UnitTests.Storage;

public sealed class RingTests
{
    [Fact]
    public void Acknowledged_reads_leave_the_ring_after_max_age_and_unacknowledged_ones_stay()
    {
        using var harness = new StoreHarness(new RingOptions { MaxAge = TimeSpan.FromDays(30) });
        var acked = harness.AddRead("7ABC123");
        var pending = harness.AddRead("5XYZ987");
        Ack(harness, acked.Id);

        harness.Time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, harness.Store.PurgeStep().Purged);
        harness.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, harness.Store.PurgeStep().Purged);

        Assert.Null(harness.Store.GetState(acked.Id));
        Assert.Equal(TransferState.InFlight, harness.Store.GetState(pending.Id));
    }

    [Fact]
    public void Over_budget_the_oldest_acknowledged_reads_go_first()
    {
        using var harness = new StoreHarness(new RingOptions { DiskBudgetBytes = 1_000_000 });
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(harness.AddRead($"PLATE{i}", StoreHarness.Images(100_000)).Id);
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Ack(harness, [.. ids]);
        for (var i = 8; i < 14; i++)
        {
            ids.Add(harness.AddRead($"PLATE{i}", StoreHarness.Images(100_000)).Id);
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.True(harness.Store.LiveBytes <= 1_000_000);
        Assert.Null(harness.Store.GetState(ids[0]));
        Assert.All(ids.Skip(8), id => Assert.Equal(TransferState.NotSent, harness.Store.GetState(id)));
        Assert.Empty(harness.Log.WithEvent(5003));
    }

    [Fact]
    public void Budget_exhausted_by_untransferred_reads_drops_images_first_oldest_first_and_raises_an_alarm()
    {
        using var harness = new StoreHarness(new RingOptions { DiskBudgetBytes = 500_000 });
        var alarms = new List<StorageAlarm>();
        harness.Store.Alarm += (_, alarm) => alarms.Add(alarm);
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(harness.AddRead($"PLATE{i}", StoreHarness.Images(100_000)).Id);
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Contains(alarms, a => a.Kind == StorageAlarmKind.ImagesDropped);
        Assert.DoesNotContain(alarms, a => a.Kind == StorageAlarmKind.ReadsDropped);
        Assert.True(harness.Store.LiveBytes <= 500_000);
        Assert.All(ids, id => Assert.Equal(TransferState.NotSent, harness.Store.GetState(id)));
        Assert.True(harness.Store.TryRead(ids[0], out var oldest));
        Assert.False(oldest!.Evidence.HasImages);
        Assert.NotNull(oldest.Evidence.Site);
        Assert.True(harness.Store.TryRead(ids[^1], out var newest));
        Assert.True(newest!.Evidence.HasImages);
        Assert.NotEmpty(harness.Log.WithEvent(5003));
    }

    [Fact]
    public void With_no_images_left_plain_reads_are_dropped_but_never_the_plate_records_of_hits()
    {
        var probe = RecordSize();
        using var harness = new StoreHarness(new RingOptions { DiskBudgetBytes = probe * 20 });
        var alarms = new List<StorageAlarm>();
        harness.Store.Alarm += (_, alarm) => alarms.Add(alarm);
        var hitReads = new List<Guid>();
        var plain = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var read = harness.AddRead($"PLATE{i}", withHit: i % 5 == 0);
            (i % 5 == 0 ? hitReads : plain).Add(read.Id);
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Contains(alarms, a => a.Kind == StorageAlarmKind.ReadsDropped);
        Assert.All(hitReads, id => Assert.NotNull(harness.Store.GetState(id)));
        Assert.Equal(6, harness.Store.Count(RecordKind.Hit).NotSent);
        Assert.Null(harness.Store.GetState(plain[0]));
        Assert.NotNull(harness.Store.GetState(plain[^1]));
    }

    [Fact]
    public void A_held_read_stays_past_its_ring_time_until_the_hold_is_released()
    {
        using var harness = new StoreHarness(new RingOptions { MaxAge = TimeSpan.FromDays(30) });
        var byPlate = harness.AddRead("7ABC123");
        var byRecord = harness.AddRead("5XYZ987");
        var free = harness.AddRead("9FREE99");
        Ack(harness, byPlate.Id, byRecord.Id, free.Id);
        var plateHold = harness.Store.PlaceHold(HoldRequest.ForPlate("7abc 123"));
        var recordHold = harness.Store.PlaceHold(HoldRequest.ForRecord(byRecord.Id));

        harness.Time.Advance(TimeSpan.FromDays(40));
        harness.Store.PurgeStep();
        Assert.NotNull(harness.Store.GetState(byPlate.Id));
        Assert.NotNull(harness.Store.GetState(byRecord.Id));
        Assert.Null(harness.Store.GetState(free.Id));
        Assert.Equal(2, harness.Store.GetStats().Held);

        Assert.True(harness.Store.ReleaseHold(plateHold));
        Assert.False(harness.Store.ReleaseHold(plateHold));
        harness.Store.PurgeStep();
        Assert.Null(harness.Store.GetState(byPlate.Id));
        Assert.NotNull(harness.Store.GetState(byRecord.Id));
        harness.Store.ReleaseHold(recordHold);
        harness.Store.PurgeStep();
        Assert.Null(harness.Store.GetState(byRecord.Id));
    }

    [Fact]
    public void A_plate_or_window_hold_also_covers_reads_stored_after_it_and_survives_a_restart()
    {
        using var harness = new StoreHarness(new RingOptions { MaxAge = TimeSpan.FromDays(1) });
        var start = harness.Time.GetUtcNow();
        harness.Store.PlaceHold(HoldRequest.ForPlate("7ABC123"));
        harness.Store.PlaceHold(HoldRequest.ForWindow(start.AddHours(1), start.AddHours(2)));
        harness.Reopen();

        var plate = harness.AddRead("7ABC123");
        harness.Time.Advance(TimeSpan.FromMinutes(90));
        var inWindow = harness.AddRead("5XYZ987");
        harness.Time.Advance(TimeSpan.FromHours(1));
        var outside = harness.AddRead("9FREE99");
        Ack(harness, plate.Id, inWindow.Id, outside.Id);

        harness.Time.Advance(TimeSpan.FromDays(3));
        harness.Store.PurgeStep();
        Assert.NotNull(harness.Store.GetState(plate.Id));
        Assert.NotNull(harness.Store.GetState(inWindow.Id));
        Assert.Null(harness.Store.GetState(outside.Id));
    }

    [Fact]
    public void Held_reads_keep_their_images_when_the_budget_runs_out()
    {
        using var harness = new StoreHarness(new RingOptions { DiskBudgetBytes = 300_000 });
        var held = harness.AddRead("7ABC123", StoreHarness.Images(100_000));
        harness.Store.PlaceHold(HoldRequest.ForRecord(held.Id));
        for (var i = 0; i < 5; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            harness.AddRead($"PLATE{i}", StoreHarness.Images(100_000));
        }

        Assert.True(harness.Store.TryRead(held.Id, out var record));
        Assert.True(record!.Evidence.HasImages);
        Assert.True(record.Held);
    }

    [Fact]
    public void A_purge_step_touches_at_most_its_batch_and_says_when_there_is_more()
    {
        using var harness = new StoreHarness(new RingOptions { MaxAge = TimeSpan.FromDays(1), PurgeBatchSize = 10 });
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(harness.AddRead($"PLATE{i}").Id);
        }

        Ack(harness, [.. ids]);
        harness.Time.Advance(TimeSpan.FromDays(2));

        var first = harness.Store.PurgeStep();
        Assert.Equal(10, first.Purged);
        Assert.True(first.MoreWork);
        Assert.Equal(10, harness.Store.PurgeStep().Purged);
        var last = harness.Store.PurgeStep();
        Assert.Equal(5, last.Purged);
        Assert.False(last.MoreWork);
        Assert.Equal(harness.Store.LiveBytes, harness.Store.GetStats().LiveBytes);
    }

    [Fact]
    public void Budget_accounting_matches_the_records_after_reopening()
    {
        using var harness = new StoreHarness();
        harness.AddRead("7ABC123", StoreHarness.Images(5000), withHit: true);
        var live = harness.Store.LiveBytes;
        harness.Reopen();
        Assert.Equal(live, harness.Store.LiveBytes);
    }

    private static long RecordSize()
    {
        using var harness = new StoreHarness();
        harness.AddRead("PLATE0");
        return harness.Store.LiveBytes;
    }

    private static void Ack(StoreHarness harness, params Guid[] ids)
    {
        harness.Store.TakeForSending(RecordKind.Read, 1000, TimeSpan.FromSeconds(30));
        Assert.Equal(ids.Length, harness.Store.MarkAcked(ids));
    }
}
