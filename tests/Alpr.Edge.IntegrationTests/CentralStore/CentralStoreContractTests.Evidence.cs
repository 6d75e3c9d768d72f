using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Time.Testing;
using static Alpr.Edge.IntegrationTests.CentralStore.StoreRecords;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>Hits found by a hold's conditions, and a case exported from this engine and verified.</summary>
public abstract partial class CentralStoreContractTests
{
    [Fact]
    public async Task Hits_are_found_by_plate_window_and_device_newest_first()
    {
        var older = Hit(Read(plate: "7ABC123", capturedAt: Noon.AddHours(-2)));
        var newer = Hit(Read(plate: "7ABC123", capturedAt: Noon.AddHours(-1)));
        var otherDevice = Hit(Read(deviceId: "pole-2", plate: "7ABC123", capturedAt: Noon.AddHours(-1)));
        var otherPlate = Hit(Read(plate: "8XYZ999", capturedAt: Noon.AddHours(-1)));
        var outside = Hit(Read(plate: "7ABC123", capturedAt: Noon.AddDays(-3)));
        foreach (var hit in new[] { older, newer, otherDevice, otherPlate, outside })
        {
            await Store.AddHitAsync(hit, Noon, None);
        }

        var found = await Store.FindHitsAsync(Query(plate: "7ABC123", from: Noon.AddDays(-1), to: Noon, deviceId: "pole-1"), None);

        Assert.Equal([newer.Id, older.Id], found.Select(h => h.Hit.Id));
        Assert.Equal(3, (await Store.FindHitsAsync(Query(plate: "7ABC*", from: Noon.AddDays(-1)), None)).Count);
    }

    [Fact]
    public async Task A_case_is_exported_from_this_engine_and_verifies_intact_until_a_file_changes()
    {
        var data = Directory.CreateTempSubdirectory("alpr-contract-evidence-").FullName;
        try
        {
            EvidenceKey.In(data).Create(replace: false, "verifiers trust");
            var held = Read(plate: "2HLD222", capturedAt: Noon.AddHours(-3));
            var hit = Hit(held) with { PlateCropJpeg = new byte[] { 0xFF, 0xD8, 9, 0xFF, 0xD9 } };
            await Store.AddReadAsync(held, Noon, None);
            await Store.AddHitAsync(hit, Noon, None);
            await Store.AddReadAsync(Read(plate: "1AAA111"), Noon, None);
            await Store.PlaceHoldAsync(Hold("CASE-7", plate: "2HLD222"), None);
            var folder = Path.Combine(data, "usb");

            var time = new FakeTimeProvider(Noon);
            using var trail = CentralStores.TrailOf(Store, time);
            var export = await new EvidenceExporter(Store, trail, time).ExportAsync("CASE-7", folder, "det. rivera", "court", data, null, None);

            Assert.Equal((1, 1, 3), (export.Manifest!.Reads, export.Manifest.Hits, export.Manifest.Files.Count));
            var publicKey = await File.ReadAllTextAsync(EvidenceKey.In(data).PublicPath);
            Assert.Empty((await EvidenceVerifier.VerifyAsync(folder, publicKey, None)).Problems);
            await File.WriteAllBytesAsync(Path.Combine(folder, "hits", $"{hit.Id}.plate.jpg"), [0xFF, 0xD8, 8, 0xFF, 0xD9]);
            var problem = Assert.Single((await EvidenceVerifier.VerifyAsync(folder, publicKey, None)).Problems);
            Assert.StartsWith($"changed: hits/{hit.Id}.plate.jpg", problem, StringComparison.Ordinal);
            var audit = (await CentralStores.AuditOf(Store).GetRecentAuditEntriesAsync(1, None))[0];
            Assert.Equal(("det. rivera", "court", Noon), (audit.User, audit.Purpose, audit.At));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
