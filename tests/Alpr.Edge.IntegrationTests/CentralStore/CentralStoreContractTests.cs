using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>
/// What every <see cref="ICentralStore"/> must do, whatever the engine. Each engine subclasses this with a factory that
/// makes a new, empty, initialised store for each test; no mocks, real engines only.
/// </summary>
public abstract partial class CentralStoreContractTests : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;
    private ICentralStore? _store;

    protected ICentralStore Store => _store ?? throw new InvalidOperationException("the store is made in InitializeAsync");

    /// <summary>A new store on an empty database, not yet initialised.</summary>
    protected abstract Task<ICentralStore> CreateStoreAsync();

    /// <summary>A second store on the same database as <see cref="Store"/> (another bridge process, or a restart).</summary>
    protected abstract ICentralStore ReopenStore();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync(None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await Alpr.Edge.Bridge.Hosting.CentralStores.CloseAsync(_store);
        }
    }

    [Fact]
    public async Task Re_sent_read_is_ignored_not_duplicated()
    {
        var read = Read();

        Assert.True(await Store.AddReadAsync(read, Noon, None));
        Assert.False(await Store.AddReadAsync(read, Noon.AddMinutes(5), None));

        Assert.Equal(new StoreCounts(1, 0), await Store.CountAsync(None));
        Assert.Equal(Noon, (await Store.GetReadAsync(read.Id, None))!.ReceivedAt);
    }

    [Fact]
    public async Task Re_sent_hit_is_ignored_not_duplicated()
    {
        var hit = Hit(Read());

        Assert.True(await Store.AddHitAsync(hit, Noon, None));
        Assert.False(await Store.AddHitAsync(hit, Noon, None));

        Assert.Equal(new StoreCounts(0, 1), await Store.CountAsync(None));
    }

    [Fact]
    public async Task Read_comes_back_exactly_as_the_device_sent_it()
    {
        var read = Read() with { FirmwareVersion = "1.2.3", Sightings = 4, CapturedAt = Noon.AddTicks(1234567) };

        await Store.AddReadAsync(read, Noon, None);
        var stored = (await Store.GetReadAsync(read.Id, None))!.Read;

        Assert.Equal(read.Id, stored.Id);
        Assert.Equal(read.Box, stored.Box);
        Assert.Equal(read.Alternatives, stored.Alternatives);
        Assert.Equal(read.CapturedAt, stored.CapturedAt);
        Assert.Equal((read.Latitude, read.Longitude, read.Sightings), (stored.Latitude, stored.Longitude, stored.Sightings));
        Assert.Equal("1.2.3", stored.FirmwareVersion);
    }

    [Fact]
    public async Task Hit_is_stored_unverified_even_when_the_device_claims_otherwise()
    {
        var hit = Hit(Read()) with { Verification = HitVerification.Confirmed };

        await Store.AddHitAsync(hit, Noon, None);

        var stored = Assert.Single(await Store.GetRecentHitsAsync(10, None));
        Assert.Equal(HitVerification.Unverified, stored.Hit.Verification);
        Assert.Equal("SV-1", stored.Hit.CaseNumber);
        Assert.Equal(hit.Read.Id, stored.Hit.Read.Id);
        Assert.Equal(HitVerification.Unverified, (await Store.GetHitAsync(hit.Id, None))!.Hit.Verification);
    }

    [Fact]
    public async Task Recent_reads_are_newest_captured_first_and_limited()
    {
        var old = Read(capturedAt: Noon.AddHours(-2));
        var newest = Read(capturedAt: Noon.AddHours(1));
        var middle = Read(capturedAt: Noon);
        foreach (var read in new[] { old, newest, middle })
        {
            await Store.AddReadAsync(read, Noon, None);
        }

        Assert.Equal([newest.Id, middle.Id], (await Store.GetRecentReadsAsync(2, None)).Select(r => r.Read.Id));
    }

    [Fact]
    public async Task Reads_of_one_plate_are_found_by_plate()
    {
        var first = Read(plate: "8XYZ999", capturedAt: Noon);
        var second = Read(deviceId: "pole-2", plate: "8XYZ999", capturedAt: Noon.AddMinutes(3));
        await Store.AddReadAsync(first, Noon, None);
        await Store.AddReadAsync(Read(plate: "7ABC123"), Noon, None);
        await Store.AddReadAsync(second, Noon, None);

        Assert.Equal([second.Id, first.Id], (await Store.GetReadsByPlateAsync("8XYZ999", 10, None)).Select(r => r.Read.Id));
        Assert.Equal([second.Id, first.Id], (await Store.FindReadsAsync(Query(plate: "8XYZ999"), None)).Select(r => r.Read.Id));
    }

    [Theory]
    [InlineData("7AB?123", new[] { "7ABC123", "7ABD123" })]
    [InlineData("7AB*", new[] { "7ABC123", "7ABD123", "7ABX9" })]
    [InlineData("*123", new[] { "7ABC123", "7ABD123", "8XY123" })]
    [InlineData("*BC1*", new[] { "7ABC123" })]
    [InlineData("8?Y*", new[] { "8XY123" })]
    public async Task Partial_plate_patterns_find_every_matching_read_and_no_other(string pattern, string[] expected)
    {
        var plates = new[] { "7ABC123", "7ABD123", "7ABX9", "8XY123", "7AC1234" };
        for (var i = 0; i < plates.Length; i++)
        {
            await Store.AddReadAsync(Read(plate: plates[i], capturedAt: Noon.AddMinutes(i)), Noon, None);
        }

        var found = await Store.FindReadsAsync(Query(plate: pattern), None);

        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Select(r => r.Read.Plate).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Time_window_includes_its_start_and_excludes_its_end()
    {
        var before = Read(capturedAt: Noon.AddSeconds(-1));
        var atStart = Read(capturedAt: Noon);
        var inside = Read(capturedAt: Noon.AddMinutes(30));
        var atEnd = Read(capturedAt: Noon.AddHours(1));
        foreach (var read in new[] { before, atStart, inside, atEnd })
        {
            await Store.AddReadAsync(read, Noon, None);
        }

        var found = await Store.FindReadsAsync(Query(from: Noon, to: Noon.AddHours(1)), None);

        Assert.Equal([inside.Id, atStart.Id], found.Select(r => r.Read.Id));
    }

    [Fact]
    public async Task Device_and_camera_narrow_a_search_and_conditions_combine()
    {
        var wanted = Read(deviceId: "pole-1", camera: "cam1", plate: "7ABC123");
        await Store.AddReadAsync(wanted, Noon, None);
        await Store.AddReadAsync(Read(deviceId: "pole-1", camera: "cam0", plate: "7ABC123"), Noon, None);
        await Store.AddReadAsync(Read(deviceId: "pole-2", camera: "cam1", plate: "7ABC123"), Noon, None);
        await Store.AddReadAsync(Read(deviceId: "pole-1", camera: "cam1", plate: "9ZZZ999"), Noon, None);

        var found = await Store.FindReadsAsync(Query(plate: "7ABC*", deviceId: "pole-1", camera: "cam1"), None);

        Assert.Equal([wanted.Id], found.Select(r => r.Read.Id));
        Assert.Equal(2, (await Store.FindReadsAsync(Query(deviceId: "pole-1", camera: "cam1"), None)).Count);
        Assert.Single(await Store.FindReadsAsync(Query(deviceId: "pole-1", camera: "cam1", limit: 1), None));
    }

    [Fact]
    public async Task Reads_of_different_months_and_years_are_all_kept_and_found()
    {
        var months = new[] { new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Noon };
        var reads = months.Select(at => Read(capturedAt: at)).ToList();
        foreach (var read in reads)
        {
            Assert.True(await Store.AddReadAsync(read, Noon, None));
        }

        Assert.False(await Store.AddReadAsync(reads[0], Noon, None));
        Assert.Equal(3, (await Store.CountAsync(None)).Reads);
        Assert.Equal([reads[1].Id], (await Store.FindReadsAsync(Query(from: months[1], to: months[1].AddMonths(1)), None)).Select(r => r.Read.Id));
        Assert.NotNull(await Store.GetReadAsync(reads[0].Id, None));
    }

    [Fact]
    public async Task Unknown_id_is_not_found()
    {
        Assert.Null(await Store.GetReadAsync(Guid.NewGuid(), None));
        Assert.Null(await Store.GetHitAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task Access_audit_rows_are_kept_newest_first()
    {
        var first = new AccessAuditEntry(Noon, "local-unauthenticated", "127.0.0.1", "GET", "/api/reads", "case 1");
        var second = new AccessAuditEntry(Noon.AddSeconds(1), "local-unauthenticated", null, "GET", "/api/hits", null);

        await Store.AddAccessAuditAsync(first, None);
        await Store.AddAccessAuditAsync(second, None);

        Assert.Equal([second, first], await Store.GetRecentAccessAuditAsync(10, None));
    }

    [Fact]
    public async Task Device_events_are_kept_once_newest_first_and_by_device()
    {
        var early = Event("pole-1", Noon);
        var late = Event("pole-2", Noon.AddMinutes(1));

        Assert.True(await Store.AddEventAsync(early, Noon, None));
        Assert.True(await Store.AddEventAsync(late, Noon, None));
        Assert.False(await Store.AddEventAsync(early, Noon, None));

        Assert.Equal([late.Id, early.Id], (await Store.GetRecentEventsAsync(10, null, None)).Select(e => e.Event.Id));
        var onlyFirst = Assert.Single(await Store.GetRecentEventsAsync(10, "pole-1", None));
        Assert.Equal(("enclosure opened", Noon), (onlyFirst.Event.Message, onlyFirst.ReceivedAt));
    }

    [Fact]
    public async Task Device_events_of_one_kind_are_found_since_a_time_for_one_device_or_all()
    {
        var old = Event("pole-1", Noon.AddDays(-2), DeviceEventKinds.Hold);
        var mine = Event("pole-1", Noon, DeviceEventKinds.Hold);
        var other = Event("pole-2", Noon.AddMinutes(1), DeviceEventKinds.Hold);
        var tamper = Event("pole-1", Noon.AddMinutes(2));
        foreach (var e in new[] { old, mine, other, tamper })
        {
            Assert.True(await Store.AddEventAsync(e, Noon, None));
        }

        var since = Noon.AddDays(-1);
        Assert.Equal([mine.Id], (await Store.GetEventsOfKindAsync(DeviceEventKinds.Hold, since, "pole-1", None)).Select(e => e.Event.Id));
        Assert.Equal([other.Id, mine.Id], (await Store.GetEventsOfKindAsync(DeviceEventKinds.Hold, since, null, None)).Select(e => e.Event.Id));
        Assert.Equal([tamper.Id], (await Store.GetEventsOfKindAsync(DeviceEventKinds.Tamper, since, null, None)).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task Device_availability_and_health_are_kept_per_device_latest_wins()
    {
        await Store.SetDeviceAvailabilityAsync("pole-b", "online", Noon, None);
        await Store.SetDeviceHealthAsync(Health("pole-b", Noon), Noon, None);
        await Store.SetDeviceAvailabilityAsync("pole-b", "offline", Noon.AddMinutes(5), None);
        await Store.SetDeviceAvailabilityAsync("pole-a", "stopped", Noon, None);

        var devices = await Store.GetDevicesAsync(None);

        Assert.Equal(["pole-a", "pole-b"], devices.Select(d => d.DeviceId));
        Assert.Null(devices[0].Health);
        Assert.Equal(("offline", Noon.AddMinutes(5)), (devices[1].Availability, devices[1].AvailabilityAt));
        Assert.Equal((5L, Noon), (devices[1].Health!.Backlog.Reads, devices[1].HealthAt!.Value));
    }

    [Fact]
    public async Task Dead_letters_are_kept_with_reason_and_payload_newest_first()
    {
        var first = new DeadLetter(Noon, "alpr/v1/pole-1/read", "malformed JSON", [0x7b, 0x00, 0xff], 3);
        var second = DeadLetter.Create(Noon.AddSeconds(1), "alpr/v1/pole-1/hit", "payload exceeds 1 MiB", new System.Buffers.ReadOnlySequence<byte>(new byte[DeadLetter.MaxKeptBytes + 10]));

        await Store.AddDeadLetterAsync(first, None);
        await Store.AddDeadLetterAsync(second, None);

        var letters = await Store.GetDeadLettersAsync(10, None);
        Assert.Equal([(second.ReceivedAt, second.Topic, second.Reason, DeadLetter.MaxKeptBytes + 10L), (Noon, first.Topic, first.Reason, 3L)],
            letters.Select(l => (l.ReceivedAt, l.Topic, l.Reason, l.PayloadBytes)));
        Assert.Equal(DeadLetter.MaxKeptBytes, letters[0].Payload.Length);
        Assert.Equal(first.Payload, letters[1].Payload);
        Assert.Single(await Store.GetDeadLettersAsync(1, None));
    }

    [Fact]
    public async Task Initialising_again_or_from_a_second_instance_keeps_everything()
    {
        var read = Read();
        await Store.AddReadAsync(read, Noon, None);

        await Store.InitializeAsync(None);
        var second = ReopenStore();
        try
        {
            await second.InitializeAsync(None);
            Assert.NotNull(await second.GetReadAsync(read.Id, None));
            Assert.False(await second.AddReadAsync(read, Noon, None));
        }
        finally
        {
            (second as IDisposable)?.Dispose();
        }
    }
}
