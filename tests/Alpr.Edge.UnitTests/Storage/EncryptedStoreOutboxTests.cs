using System.Text.Json;
using Alpr.Edge.Contracts;
using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.UnitTests.Storage;

public sealed class EncryptedStoreOutboxTests
{
    [Fact]
    public void Read_and_hits_are_stored_not_sent_and_come_back_as_their_wire_json()
    {
        using var harness = new StoreHarness();
        var read = harness.AddRead("7ABC123", withHit: true);

        Assert.Equal(TransferState.NotSent, harness.Store.GetState(read.Id));
        Assert.Equal(new StoreCounts(1, 0, 0), harness.Store.Count(RecordKind.Read));
        Assert.Equal(new StoreCounts(1, 0, 0), harness.Store.Count(RecordKind.Hit));

        var hits = harness.Store.TakeForSending(RecordKind.Hit, 10, TimeSpan.FromSeconds(30));
        var hit = JsonSerializer.Deserialize(Assert.Single(hits).Payload, ContractsJson.Default.HotlistHitMessage)!;
        Assert.Equal("7ABC123", hit.Read.Plate);
        Assert.Equal("CASE-4411", hit.CaseNumber);

        var reads = harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));
        var sent = Assert.Single(reads);
        Assert.Equal(read.Id, sent.Id);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(read, JsonSerializer.Deserialize(sent.Payload, ContractsJson.Default.PlateReadMessage)! with { Alternatives = read.Alternatives });
        Assert.Equal(TransferState.InFlight, harness.Store.GetState(read.Id));
    }

    [Fact]
    public void Read_is_kept_until_bridge_acknowledges_it()
    {
        using var harness = new StoreHarness();
        var read = harness.AddRead("7ABC123");
        harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));

        Assert.Equal(1, harness.Store.CountAwaitingAck(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, harness.Store.MarkAcked([read.Id]));
        Assert.Equal(0, harness.Store.MarkAcked([read.Id]));
        Assert.Equal(TransferState.Acked, harness.Store.GetState(read.Id));
        Assert.Empty(harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.Zero));
        Assert.Null(harness.Store.GetState(Guid.NewGuid()));
    }

    [Fact]
    public void An_acknowledgement_for_a_record_never_sent_or_not_in_flight_marks_nothing()
    {
        using var harness = new StoreHarness();
        var neverSent = harness.AddRead("7ABC123");
        var returned = harness.AddRead("4XYZ567");
        harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));
        harness.Store.ReturnInFlight();
        var inFlight = harness.AddRead("2DEF345");
        harness.Store.TakeForSending(RecordKind.Read, 1, TimeSpan.FromSeconds(30));

        // neverSent and returned went back to the outbox; the one taken again is the oldest of the three.
        var sentNow = new[] { neverSent, returned, inFlight }.Single(r => harness.Store.GetState(r.Id) == TransferState.InFlight);
        var changed = harness.Store.MarkAcked([neverSent.Id, returned.Id, inFlight.Id, Guid.NewGuid()]);

        Assert.Equal(1, changed);
        Assert.Equal(TransferState.Acked, harness.Store.GetState(sentNow.Id));
        Assert.Equal(2, new[] { neverSent, returned, inFlight }.Count(r => harness.Store.GetState(r.Id) == TransferState.NotSent));
    }

    [Fact]
    public void Unacknowledged_record_is_sent_again_after_the_ack_timeout()
    {
        using var harness = new StoreHarness();
        harness.AddRead("7ABC123");
        harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));

        Assert.Empty(harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30)));
        harness.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, harness.Store.CountAwaitingAck(TimeSpan.FromSeconds(30)));
        var again = Assert.Single(harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30)));
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public void Returning_in_flight_records_makes_them_not_sent_again()
    {
        using var harness = new StoreHarness();
        harness.AddRead("7ABC123", withHit: true);
        harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));
        harness.Store.TakeForSending(RecordKind.Hit, 10, TimeSpan.FromSeconds(30));

        Assert.Equal(2, harness.Store.ReturnInFlight());
        Assert.Equal(new StoreCounts(1, 0, 0), harness.Store.Count(RecordKind.Read));
    }

    [Fact]
    public void Records_are_taken_oldest_first_in_batches()
    {
        using var harness = new StoreHarness();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(harness.AddRead($"PLATE{i}").Id);
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = harness.Store.TakeForSending(RecordKind.Read, 3, TimeSpan.FromSeconds(30));
        var second = harness.Store.TakeForSending(RecordKind.Read, 3, TimeSpan.FromSeconds(30));
        Assert.Equal(ids, first.Concat(second).Select(r => r.Id));
    }

    [Fact]
    public void Store_survives_reopening_with_state_and_payloads_intact()
    {
        using var harness = new StoreHarness();
        var read = harness.AddRead("7ABC123", StoreHarness.Images(2048));
        harness.Store.TakeForSending(RecordKind.Read, 10, TimeSpan.FromSeconds(30));
        harness.Reopen();

        Assert.Equal(TransferState.InFlight, harness.Store.GetState(read.Id));
        Assert.True(harness.Store.TryRead(read.Id, out var back));
        Assert.Equal(2048, back!.Evidence.PlateCropJpeg.Length + back.Evidence.OverviewJpeg.Length);
        Assert.Equal(37.774929, back.Evidence.Site!.Value.LatitudeDegrees);
        Assert.Equal("7ABC123", JsonSerializer.Deserialize(back.Payload, ContractsJson.Default.PlateReadMessage)!.Plate);
    }

    [Fact]
    public void Plate_lookup_goes_through_the_blind_index()
    {
        using var harness = new StoreHarness();
        var read = harness.AddRead("7ABC123", withHit: true);
        harness.AddRead("5XYZ987");

        var found = harness.Store.FindByPlate("7abc-123");
        Assert.Equal(2, found.Count);
        Assert.Contains(read.Id, found);
        Assert.Empty(harness.Store.FindByPlate("9NOPE99"));
    }
}
