using System.Text.Json;
using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Keys;

namespace Alpr.Edge.UnitTests.Bridge.Evidence;

public sealed class EvidenceExportTests
{
    [Fact]
    public async Task Export_writes_the_held_reads_and_hits_with_their_images_and_verifies_intact()
    {
        await using var evidence = await EvidenceCase.CreateAsync();

        var export = await evidence.ExportAsync();

        var manifest = Assert.IsType<EvidenceManifest>(export.Manifest);
        Assert.Equal(2, manifest.Reads);
        Assert.Equal(1, manifest.Hits);
        Assert.Equal(
            [$"hits/{evidence.HeldHit.Id}.json", $"hits/{evidence.HeldHit.Id}.overview.jpg", $"hits/{evidence.HeldHit.Id}.plate.jpg",
             .. new[] { $"reads/{evidence.HeldRead.Id}.json", $"reads/{evidence.HeldHit.Read.Id}.json" }.Order(StringComparer.Ordinal)],
            manifest.Files.Select(f => f.Path));
        Assert.Equal(EvidenceCase.PlateJpeg, await File.ReadAllBytesAsync(Path.Combine(evidence.ExportFolder, "hits", $"{evidence.HeldHit.Id}.plate.jpg")));
        Assert.False(File.Exists(Path.Combine(evidence.ExportFolder, "reads", $"{evidence.OtherRead.Id}.json")));
        using var hitJson = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(evidence.ExportFolder, "hits", $"{evidence.HeldHit.Id}.json")));
        Assert.False(hitJson.RootElement.GetProperty("hit").TryGetProperty("plateCropJpeg", out _));
        Assert.Equal("7ABC123", hitJson.RootElement.GetProperty("hit").GetProperty("read").GetProperty("plate").GetString());
        Assert.Equal(("Det. Reyes", "court order 2026-77", evidence.Time.GetUtcNow()), (manifest.ExportedBy, manifest.Reason, manifest.ExportedAt));
        Assert.Equal(EvidenceCase.CaseNumber, manifest.CaseNumber);
        Assert.Empty(await evidence.VerifyAsync());
    }

    [Fact]
    public async Task Every_export_is_audited_with_who_when_and_why()
    {
        await using var evidence = await EvidenceCase.CreateAsync();

        await evidence.ExportAsync();

        var audit = (await evidence.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None))[0];
        Assert.Equal(AuditedAction.EvidenceExported, audit.Action);
        Assert.Equal("Det. Reyes", audit.User);
        Assert.Equal("court order 2026-77", audit.Purpose);
        Assert.Equal(evidence.Time.GetUtcNow(), audit.At);
        Assert.Equal(("C-1", Path.GetFullPath(evidence.ExportFolder), "reads=2 hits=1"), (audit.CaseNumber, audit.Target, audit.Detail));
    }

    [Fact]
    public async Task Verify_reports_a_changed_file()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        await evidence.ExportAsync();
        var path = Path.Combine(evidence.ExportFolder, "reads", $"{evidence.HeldRead.Id}.json");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("7ABC123", "7ABC124", StringComparison.Ordinal));

        var problem = Assert.Single(await evidence.VerifyAsync());

        Assert.StartsWith($"changed: reads/{evidence.HeldRead.Id}.json (SHA-256 ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_missing_file()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        await evidence.ExportAsync();
        File.Delete(Path.Combine(evidence.ExportFolder, "hits", $"{evidence.HeldHit.Id}.overview.jpg"));

        Assert.Equal([$"missing: hits/{evidence.HeldHit.Id}.overview.jpg"], await evidence.VerifyAsync());
    }

    [Fact]
    public async Task Verify_reports_an_added_file()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        await evidence.ExportAsync();
        await File.WriteAllTextAsync(Path.Combine(evidence.ExportFolder, "reads", "planted.json"), "{}");

        Assert.Equal(["added: reads/planted.json (not in the manifest)"], await evidence.VerifyAsync());
    }

    [Fact]
    public async Task Verify_reports_a_changed_manifest_as_a_bad_signature()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        await evidence.ExportAsync();
        var manifest = Path.Combine(evidence.ExportFolder, EvidenceExporter.ManifestFileName);
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("Det. Reyes", "Det. Other", StringComparison.Ordinal));

        var problem = Assert.Single(await evidence.VerifyAsync());

        Assert.StartsWith("signature: bad", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_with_another_key_reports_a_bad_signature()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        await evidence.ExportAsync();
        var otherKey = new SigningKeyFiles(Path.Combine(evidence.DataDirectory, "other"), "evidence-signing", "keygen");
        otherKey.Create(replace: false, "nobody");

        var problem = Assert.Single(await evidence.VerifyAsync(await File.ReadAllTextAsync(otherKey.PublicPath)));

        Assert.StartsWith("signature: bad", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_missing_signature()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        await evidence.ExportAsync();
        File.Delete(Path.Combine(evidence.ExportFolder, EvidenceExporter.SignatureFileName));

        Assert.Equal(["signature: missing (manifest.sig)"], await evidence.VerifyAsync());
    }

    [Fact]
    public async Task A_manifest_that_points_outside_the_folder_is_reported_not_followed()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        await evidence.ExportAsync();
        var manifest = Path.Combine(evidence.ExportFolder, EvidenceExporter.ManifestFileName);
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace($"\"reads/{evidence.HeldRead.Id}.json\"", "\"../../data/bridge.db\"", StringComparison.Ordinal));

        var problems = await evidence.VerifyAsync();

        Assert.Contains(problems, p => p.StartsWith("signature: bad", StringComparison.Ordinal));
        Assert.Contains("changed: manifest.json lists '../../data/bridge.db', outside the export folder", problems);
        Assert.Contains($"added: reads/{evidence.HeldRead.Id}.json (not in the manifest)", problems);
    }

    [Fact]
    public async Task A_case_without_a_hold_in_force_is_refused_and_writes_nothing()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        var hold = Assert.Single(await evidence.Store.GetHoldsAsync(CancellationToken.None));
        await new HoldActions(evidence.Store, evidence.Trail, evidence.Time).ReleaseAsync(hold.Id, "Sgt. Lee", "case closed", null, CancellationToken.None);

        var export = await evidence.ExportAsync();

        Assert.True(export.IsUsageError);
        Assert.Equal("case C-1 has no hold in force; place one with 'alpr-bridge holds place --case C-1 ...'", export.Error);
        Assert.False(Directory.Exists(evidence.ExportFolder));
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused()
    {
        await using var evidence = await EvidenceCase.CreateAsync();
        Directory.CreateDirectory(evidence.ExportFolder);
        await File.WriteAllTextAsync(Path.Combine(evidence.ExportFolder, "old.txt"), "x");

        var export = await evidence.ExportAsync();

        Assert.True(export.IsUsageError);
        Assert.Contains("is not an empty folder", export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await evidence.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None), a => a.Action == AuditedAction.EvidenceExported);
    }
}
