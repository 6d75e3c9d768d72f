using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>Records as devices send them, for the store tests: whole seconds, so both engines keep the times exactly.</summary>
public static class StoreRecords
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static PlateReadMessage Read(
        string deviceId = "pole-1", string plate = "7ABC123", DateTimeOffset? capturedAt = null, string camera = "cam0") => new()
    {
        Id = Guid.NewGuid(),
        DeviceId = deviceId,
        Camera = camera,
        Plate = plate,
        Confidence = 0.97,
        CapturedAt = capturedAt ?? Noon,
        Box = new PlateBox(10, 20, 120, 40),
        Alternatives = [new PlateAlternative("7ABC128", 0.4)],
        Latitude = 38.5816,
        Longitude = -121.4944,
    };

    public static HotlistHitMessage Hit(PlateReadMessage read) => Bridge.TestRecords.Hit(read) with { CaseNumber = "SV-1" };

    public static DeviceEventMessage Event(string deviceId, DateTimeOffset occurredAt, string kind = DeviceEventKinds.Tamper) => new()
    {
        Id = Guid.NewGuid(),
        DeviceId = deviceId,
        Kind = kind,
        Severity = "warning",
        OccurredAt = occurredAt,
        Message = "enclosure opened",
    };

    public static DeviceHealthMessage Health(string deviceId, DateTimeOffset at) => new()
    {
        DeviceId = deviceId,
        At = at,
        FirmwareVersion = "1.2.3",
        Backlog = new BacklogStatus(5, 0, 1, at.AddHours(-1)),
        Disk = new DiskStatus(1_000, 10_000),
        UptimeSeconds = 3600,
    };

    public static LegalHold Hold(string caseNumber, string? plate = null, string? deviceId = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        LegalHold.TryCreate(caseNumber, plate, deviceId, from, to, "det. rivera", "evidence in " + caseNumber, Noon, out var hold, out var error)
            ? hold!
            : throw new ArgumentException(error);

    public static ReadQuery Query(
        string? plate = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? deviceId = null, string? camera = null, int limit = 100) =>
        ReadQuery.TryCreate(plate, from, to, deviceId, camera, limit, out var query, out var error)
            ? query!
            : throw new ArgumentException(error);
}
