using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Alpr.Edge.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Bridge.Evidence;

/// <summary>
/// A data folder with a real SQLite store, the evidence key, and case C-1 on hold for plate 7ABC123: two reads of it
/// (one with a hit carrying both images), and a read of another plate that the hold does not select.
/// </summary>
internal sealed class EvidenceCase : IAsyncDisposable
{
    public const string CaseNumber = "C-1";
    public static readonly byte[] PlateJpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
    public static readonly byte[] OverviewJpeg = [0xFF, 0xD8, 0xFF, 0xE0, 4, 5, 6, 7, 0xFF, 0xD9];

    private readonly string _root = Directory.CreateTempSubdirectory("alpr-evidence-unit-").FullName;

    private EvidenceCase()
    {
        Directory.CreateDirectory(DataDirectory);
        Store = new SqliteCentralStore(Path.Combine(DataDirectory, "bridge.db"), NullLogger<SqliteCentralStore>.Instance);
        Trail = new ChainedAuditTrail(Store, Time, NullLogger<ChainedAuditTrail>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(TestRecords.Noon.AddDays(2));

    public SqliteCentralStore Store { get; }

    public ChainedAuditTrail Trail { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string ExportFolder => Path.Combine(_root, "usb", "C-1");

    public string PublicKeyPem => File.ReadAllText(EvidenceKey.In(DataDirectory).PublicPath);

    public PlateReadMessage HeldRead { get; } = TestRecords.Read(plate: "7ABC123");

    public HotlistHitMessage HeldHit { get; private set; } = null!;

    public PlateReadMessage OtherRead { get; } = TestRecords.Read(plate: "8XYZ999");

    public static async Task<EvidenceCase> CreateAsync()
    {
        var evidence = new EvidenceCase();
        var ct = CancellationToken.None;
        await evidence.Store.InitializeAsync(ct);
        EvidenceKey.In(evidence.DataDirectory).Create(replace: false, "verifiers trust");
        var hitRead = TestRecords.Read(plate: "7ABC123", capturedAt: TestRecords.Noon.AddMinutes(5));
        evidence.HeldHit = TestRecords.Hit(hitRead) with { PlateCropJpeg = PlateJpeg, OverviewJpeg = OverviewJpeg };
        await evidence.Store.AddReadAsync(evidence.HeldRead, TestRecords.Noon, ct);
        await evidence.Store.AddReadAsync(hitRead, TestRecords.Noon, ct);
        await evidence.Store.AddHitAsync(evidence.HeldHit, TestRecords.Noon, ct);
        await evidence.Store.AddReadAsync(evidence.OtherRead, TestRecords.Noon, ct);
        var placed = await new HoldActions(evidence.Store, evidence.Trail, evidence.Time).PlaceAsync(
            new HoldRequest(CaseNumber, "homicide investigation", "Det. Reyes", "7ABC123", null, null, null), null, ct);
        Assert.NotNull(placed.Hold);
        return evidence;
    }

    public Task<EvidenceExport> ExportAsync() =>
        new EvidenceExporter(Store, Trail, Time).ExportAsync(CaseNumber, ExportFolder, "Det. Reyes", "court order 2026-77", DataDirectory, null, CancellationToken.None);

    public async Task<IReadOnlyList<string>> VerifyAsync(string? publicKeyPem = null) =>
        (await EvidenceVerifier.VerifyAsync(ExportFolder, publicKeyPem ?? PublicKeyPem, CancellationToken.None)).Problems;

    public ValueTask DisposeAsync()
    {
        Trail.Dispose();
        Store.Dispose();
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
