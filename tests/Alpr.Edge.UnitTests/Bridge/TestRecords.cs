using Alpr.Edge.Contracts;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary>Reads and hits as a device would send them.</summary>
public static class TestRecords
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static PlateReadMessage Read(string deviceId = "pole-1", string plate = "7ABC123", DateTimeOffset? capturedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        DeviceId = deviceId,
        Camera = "cam0",
        Plate = plate,
        Confidence = 0.97,
        CapturedAt = capturedAt ?? Noon,
        Box = new PlateBox(10, 20, 120, 40),
        Alternatives = [new PlateAlternative("7ABC128", 0.4)],
    };

    public static HotlistHitMessage Hit(PlateReadMessage read) => new()
    {
        Id = Guid.NewGuid(),
        Read = read,
        ListName = "ncic-stolen",
        Category = "stolen-vehicle",
        EntryPlate = read.Plate,
        MatchKind = "exact",
        CaseNumber = "SV-1",
    };
}
