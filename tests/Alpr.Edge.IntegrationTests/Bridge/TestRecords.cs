using Alpr.Edge.Contracts;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>Reads and hits as a device would send them.</summary>
public static class TestRecords
{
    public static PlateReadMessage Read(string deviceId, string plate = "7ABC123", double confidence = 0.97) => new()
    {
        Id = Guid.NewGuid(),
        DeviceId = deviceId,
        Camera = "cam0",
        Plate = plate,
        Confidence = confidence,
        CapturedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
        FirmwareVersion = "test",
    };

    public static HotlistHitMessage Hit(PlateReadMessage read) => new()
    {
        Id = Guid.NewGuid(),
        Read = read,
        ListName = "ncic-stolen",
        Category = "stolen-vehicle",
        EntryPlate = read.Plate,
        MatchKind = "exact",
    };
}
