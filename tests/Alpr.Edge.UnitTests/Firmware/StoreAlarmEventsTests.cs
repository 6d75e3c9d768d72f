using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Events;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Ring;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class StoreAlarmEventsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingDeviceEvents _events = new();

    [Fact]
    public async Task Images_dropped_for_lack_of_disk_raise_one_warning_per_interval_with_the_records_added_up()
    {
        using var store = DeviceStore.Open(_temp.Path, _clock, "pole-1", new RingOptions { DiskBudgetBytes = 500_000 }, logger: null);
        var service = new StoreAlarmEventsService(store, _events, _clock);
        await service.StartAsync(CancellationToken.None);

        for (var i = 0; i < 8; i++)
        {
            AddReadWithImages(store, $"PLATE{i}");
        }

        var first = Assert.Single(_events.Raised);
        Assert.Equal((DeviceEventKinds.StoreBudgetExhausted, DeviceEventSeverity.Warning), (first.Kind, first.Severity));
        Assert.Equal("images-dropped", first.Data["reason"]);
        Assert.Equal("500000", first.Data["budgetBytes"]);

        // More drops within the interval add up silently; the next event after the interval carries them.
        AddReadWithImages(store, "PLATE8");
        AddReadWithImages(store, "PLATE9");
        Assert.Single(_events.Raised);
        _clock.Advance(StoreAlarmEventsService.Interval);
        AddReadWithImages(store, "PLATE10");

        Assert.Equal(2, _events.Raised.Count);
        Assert.True(int.Parse(_events.Raised[1].Data["records"], System.Globalization.CultureInfo.InvariantCulture) >= 3);

        await service.StopAsync(CancellationToken.None);
        AddReadWithImages(store, "PLATE11");
        _clock.Advance(StoreAlarmEventsService.Interval);
        AddReadWithImages(store, "PLATE12");
        Assert.Equal(2, _events.Raised.Count);
    }

    public void Dispose() => _temp.Dispose();

    private void AddReadWithImages(DeviceStore store, string plate)
    {
        var read = new PlateReadMessage
        {
            Id = Guid.CreateVersion7(_clock.GetUtcNow()),
            DeviceId = "pole-1",
            Camera = "cam0",
            Plate = plate,
            Confidence = 0.9,
            CapturedAt = _clock.GetUtcNow(),
        };
        var image = new byte[100_000];
        Random.Shared.NextBytes(image);
        store.Add(read, [], new ReadEvidence { PlateCropJpeg = image.AsMemory(0, 20_000), OverviewJpeg = image.AsMemory(20_000) });
        _clock.Advance(TimeSpan.FromSeconds(1));
    }
}
