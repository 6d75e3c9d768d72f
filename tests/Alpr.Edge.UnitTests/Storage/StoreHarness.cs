using Alpr.Edge.Contracts;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Ring;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Storage;

/// <summary>A temporary data folder, a fake clock and a store opened on them; builds reads with known plates.</summary>
internal sealed class StoreHarness : IDisposable
{
    public const string Device = "pole-17";

    public StoreHarness(RingOptions? ring = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("alpr-store-").FullName;
        Ring = ring ?? new RingOptions();
        Store = Open();
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public RecordingLogger Log { get; } = new();

    public RingOptions Ring { get; set; }

    public EncryptedStore Store { get; private set; }

    public string DatabasePath => Path.Combine(Directory, EncryptedStore.FileName);

    public string KeyPath => Path.Combine(Directory, "keys", "store.kek");

    public EncryptedStore Open(string deviceId = Device) =>
        EncryptedStore.Open(new EncryptedStoreOptions { DataDirectory = Directory, DeviceId = deviceId, Ring = Ring }, Time, Log);

    public void Reopen()
    {
        Store.Dispose();
        Store = Open();
    }

    public static PlateReadMessage Read(string plate, DateTimeOffset capturedAt) => new()
    {
        Id = Guid.CreateVersion7(capturedAt),
        DeviceId = Device,
        Camera = "north",
        Plate = plate,
        Confidence = 0.93,
        CapturedAt = capturedAt,
        Box = new PlateBox(410, 322, 120, 40),
        Alternatives = [new PlateAlternative(plate[..^1] + "8", 0.41)],
        FirmwareVersion = "1.0.0-test",
    };

    public static HotlistHitMessage Hit(PlateReadMessage read) => new()
    {
        Id = Guid.CreateVersion7(read.CapturedAt),
        Read = read,
        ListName = "stolen-vehicles",
        Category = "Stolen",
        EntryPlate = read.Plate,
        MatchKind = "exact",
        CaseNumber = "CASE-4411",
    };

    public static ReadEvidence Images(int bytes, byte fill = 0x5A) => new()
    {
        PlateCropJpeg = Enumerable.Repeat(fill, bytes / 4).ToArray(),
        OverviewJpeg = Enumerable.Repeat(fill, bytes - (bytes / 4)).ToArray(),
        Site = new GeoPosition(37.774929, -122.419416),
    };

    /// <summary>Stores a read captured now (by the fake clock) and returns it.</summary>
    public PlateReadMessage AddRead(string plate, ReadEvidence? evidence = null, bool withHit = false)
    {
        var read = Read(plate, Time.GetUtcNow());
        Store.Add(read, withHit ? [Hit(read)] : [], evidence);
        return read;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
