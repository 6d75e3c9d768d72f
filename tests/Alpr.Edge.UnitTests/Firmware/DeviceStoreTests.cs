using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class DeviceStoreTests : IDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_read_goes_from_not_sent_to_in_flight_to_acknowledged()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock);
        var read = Read("7ABC123");
        store.Add(read, []);
        Assert.Equal(TransferState.NotSent, store.GetState(read.Id));

        var taken = Assert.Single(store.TakeForSending(RecordKind.Read, 10, AckTimeout));
        Assert.Equal(read.Id, taken.Id);
        Assert.Equal(TransferState.InFlight, store.GetState(read.Id));
        Assert.Empty(store.TakeForSending(RecordKind.Read, 10, AckTimeout));

        Assert.Equal(1, store.MarkAcked([read.Id]));
        Assert.Equal(TransferState.Acked, store.GetState(read.Id));
        Assert.Equal(new StoreCounts(0, 0, 1), store.Count(RecordKind.Read));
    }

    [Fact]
    public void The_payload_taken_for_sending_is_the_wire_message()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock);
        var read = Read("7ABC123");
        var hit = Hit(read);
        store.Add(read, [hit]);

        var sent = Assert.Single(store.TakeForSending(RecordKind.Hit, 10, AckTimeout));

        Assert.True(WireFormat.TryParse(sent.Payload, ContractsJson.Default.HotlistHitMessage, out var parsed, out var error), error);
        Assert.Equal(hit.Id, parsed!.Id);
        Assert.Equal("7ABC123", parsed.Read.Plate);
        Assert.Equal(HitVerification.Unverified, parsed.Verification);
    }

    [Fact]
    public void Records_are_taken_oldest_first_in_batches()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock);
        var newer = Read("NEWER1", capturedAt: _clock.GetUtcNow().AddSeconds(5));
        var older = Read("OLDER1", capturedAt: _clock.GetUtcNow());
        var oldest = Read("OLDEST", capturedAt: _clock.GetUtcNow().AddSeconds(-5));
        store.Add(newer, []);
        store.Add(older, []);
        store.Add(oldest, []);

        var first = store.TakeForSending(RecordKind.Read, 2, AckTimeout);
        var second = store.TakeForSending(RecordKind.Read, 2, AckTimeout);

        Assert.Equal([oldest.Id, older.Id], first.Select(r => r.Id));
        Assert.Equal([newer.Id], second.Select(r => r.Id));
    }

    [Fact]
    public void An_unacknowledged_record_is_sent_again_after_the_ack_timeout()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock);
        var read = Read("7ABC123");
        store.Add(read, []);
        Assert.Single(store.TakeForSending(RecordKind.Read, 10, AckTimeout));

        _clock.Advance(AckTimeout - TimeSpan.FromSeconds(1));
        Assert.Empty(store.TakeForSending(RecordKind.Read, 10, AckTimeout));

        _clock.Advance(TimeSpan.FromSeconds(2));
        var again = Assert.Single(store.TakeForSending(RecordKind.Read, 10, AckTimeout));
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public void Only_records_published_within_the_ack_timeout_count_as_awaiting_an_ack()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock);
        var first = Read("7ABC123");
        store.Add(first, [Hit(first)]);
        store.TakeForSending(RecordKind.Hit, 10, AckTimeout);
        store.TakeForSending(RecordKind.Read, 10, AckTimeout);
        _clock.Advance(TimeSpan.FromSeconds(20));
        store.Add(Read("4XYZ567"), []);
        store.TakeForSending(RecordKind.Read, 10, AckTimeout);
        Assert.Equal(3, store.CountAwaitingAck(AckTimeout));

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, store.CountAwaitingAck(AckTimeout));

        store.MarkAcked([first.Id]);
        Assert.Equal(1, store.CountAwaitingAck(AckTimeout));
    }

    [Fact]
    public void An_in_flight_record_survives_reopening_and_is_returned_to_the_outbox_after_a_reconnect()
    {
        var read = Read("7ABC123");
        using (var store = DeviceStore.Open(_temp.Path, _clock))
        {
            store.Add(read, [Hit(read)]);
            store.TakeForSending(RecordKind.Hit, 10, AckTimeout);
            store.TakeForSending(RecordKind.Read, 10, AckTimeout);
        }

        using var reopened = DeviceStore.Open(_temp.Path, _clock);
        Assert.Equal(TransferState.InFlight, reopened.GetState(read.Id));
        Assert.Equal(2, reopened.ReturnInFlight());
        Assert.Single(reopened.TakeForSending(RecordKind.Hit, 10, AckTimeout));
        Assert.Equal(read.Id, Assert.Single(reopened.TakeForSending(RecordKind.Read, 10, AckTimeout)).Id);
    }

    [Fact]
    public void An_acknowledged_record_is_never_sent_again()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock);
        var read = Read("7ABC123");
        store.Add(read, []);
        store.TakeForSending(RecordKind.Read, 10, AckTimeout);
        store.MarkAcked([read.Id]);

        store.ReturnInFlight();
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(store.TakeForSending(RecordKind.Read, 10, AckTimeout));
        Assert.Equal(0, store.MarkAcked([read.Id]));
    }

    [Fact]
    public void An_acknowledgement_for_unknown_ids_changes_nothing()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock);
        var read = Read("7ABC123");
        store.Add(read, []);

        Assert.Equal(0, store.MarkAcked([Guid.NewGuid()]));
        Assert.Equal(TransferState.NotSent, store.GetState(read.Id));
        Assert.Null(store.GetState(Guid.NewGuid()));
    }

    [Fact]
    public void The_store_is_a_wal_sqlite_file_in_the_data_folder()
    {
        using var store = DeviceStore.Open(Path.Combine(_temp.Path, "nested"), _clock);
        store.Add(Read("7ABC123"), []);

        Assert.Equal(Path.Combine(_temp.Path, "nested", DeviceStore.FileName), store.Path);
        Assert.True(File.Exists(store.Path + "-wal"));
    }

    public void Dispose() => _temp.Dispose();

    private PlateReadMessage Read(string plate, DateTimeOffset? capturedAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        DeviceId = "pole-1",
        Camera = "cam0",
        Plate = plate,
        Confidence = 0.9,
        CapturedAt = capturedAt ?? _clock.GetUtcNow(),
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
