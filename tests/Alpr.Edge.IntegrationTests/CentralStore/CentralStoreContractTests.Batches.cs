using Alpr.Edge.Bridge.Storage;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The contract for ingest batches: one transaction for the whole batch, duplicates recognised as the single adds recognise them.</summary>
public abstract partial class CentralStoreContractTests
{
    [Fact]
    public async Task Batch_stores_reads_hits_events_and_dead_letters_and_flags_each_re_send()
    {
        var earlier = Read();
        Assert.True(await Store.AddReadAsync(earlier, Noon, None));
        var fresh = Read(plate: "8XYZ999");
        var hit = Hit(Read(plate: "4HOT444"));
        var deviceEvent = Event("pole-1", Noon);
        var letter = new DeadLetter(Noon, "alpr/v1/pole-1/read", "malformed JSON", [0x7b], 1);

        var result = await Store.AddBatchAsync(new IngestBatch([earlier, fresh, fresh], [hit, hit], [deviceEvent], [letter], Noon.AddMinutes(1)), None);

        Assert.Equal([false, true, false], result.ReadsAdded);
        Assert.Equal([true, false], result.HitsAdded);
        Assert.Equal([true], result.EventsAdded);
        Assert.Equal(new StoreCounts(2, 1), await Store.CountAsync(None));
        Assert.Equal(Noon, (await Store.GetReadAsync(earlier.Id, None))!.ReceivedAt);
        var stored = (await Store.GetReadAsync(fresh.Id, None))!;
        Assert.Equal((fresh.Plate, fresh.CapturedAt, fresh.Latitude, Noon.AddMinutes(1)), (stored.Read.Plate, stored.Read.CapturedAt, stored.Read.Latitude, stored.ReceivedAt));
        Assert.Equal(deviceEvent.Id, Assert.Single(await Store.GetRecentEventsAsync(10, null, None)).Event.Id);
        Assert.Equal("malformed JSON", Assert.Single(await Store.GetDeadLettersAsync(10, None)).Reason);

        var again = await Store.AddBatchAsync(new IngestBatch([fresh], [hit], [deviceEvent], [], Noon.AddMinutes(2)), None);

        Assert.Equal([false, false, false], again.ReadsAdded.Concat(again.HitsAdded).Concat(again.EventsAdded));
        Assert.Equal(new StoreCounts(2, 1), await Store.CountAsync(None));
    }

    [Fact]
    public async Task Batch_over_several_capture_months_is_searchable_in_each()
    {
        var october = Read(capturedAt: new DateTimeOffset(2025, 10, 31, 23, 59, 59, TimeSpan.Zero));
        var november = Read(capturedAt: Noon);
        var december = Read(capturedAt: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var result = await Store.AddBatchAsync(new IngestBatch([november, october, december], [], [], [], Noon), None);

        Assert.Equal([true, true, true], result.ReadsAdded);
        Assert.Equal([december.Id, november.Id, october.Id], (await Store.GetReadsByPlateAsync("7ABC123", 10, None)).Select(r => r.Read.Id));
    }

    [Fact]
    public async Task Empty_batch_stores_nothing()
    {
        var result = await Store.AddBatchAsync(new IngestBatch([], [], [], [], Noon), None);

        Assert.Empty(result.ReadsAdded);
        Assert.Equal(new StoreCounts(0, 0), await Store.CountAsync(None));
    }
}
