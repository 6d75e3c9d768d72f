using Alpr.Edge.Contracts;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>Reads and hits as a device would send them.</summary>
public static class TestRecords
{
    /// <summary>
    /// When the reads were captured: yesterday at 10:00 UTC, so they are inside what the bridge's ingest accepts
    /// (not ahead of its clock, not older than its limit) whenever the tests run.
    /// </summary>
    public static readonly DateTimeOffset CapturedAt = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1).AddHours(10);

    /// <summary><see cref="CapturedAt"/> as the bridge prints it.</summary>
    public static string CapturedAtText => CapturedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static PlateReadMessage Read(string deviceId, string plate = "7ABC123", double confidence = 0.97) => new()
    {
        Id = Guid.NewGuid(),
        DeviceId = deviceId,
        Camera = "cam0",
        Plate = plate,
        Confidence = confidence,
        CapturedAt = CapturedAt,
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
