using System.Security.Cryptography;
using System.Text.Json;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Hotlists.Bundles;

namespace Alpr.Edge.Bridge.Evidence;

/// <summary>
/// Exports a case to a folder (portable media): every read and hit that a hold in force for the case selects, one
/// JSON file each (<c>reads/{id}.json</c>, <c>hits/{id}.json</c>), the hits' images as files
/// (<c>hits/{id}.plate.jpg</c>, <c>hits/{id}.overview.jpg</c>), <c>manifest.json</c> (who, when, why, and each
/// file's SHA-256 and size) and <c>manifest.sig</c> (ECDSA P-256 over the manifest's bytes, DER, by the evidence key).
/// Each export appends an audit-trail entry (<see cref="AuditedAction.EvidenceExported"/>) before any file.
/// </summary>
public sealed class EvidenceExporter
{
    /// <summary>Name of the manifest in an export folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Name of the manifest's signature in an export folder.</summary>
    public const string SignatureFileName = "manifest.sig";

    private readonly ICentralStore _store;
    private readonly IAuditTrail _trail;
    private readonly TimeProvider _time;

    /// <summary>An exporter of <paramref name="store"/>'s records, audited in <paramref name="trail"/>, timed by <paramref name="time"/>.</summary>
    public EvidenceExporter(ICentralStore store, IAuditTrail trail, TimeProvider time)
    {
        _store = store;
        _trail = trail;
        _time = time;
    }

    /// <summary>
    /// Exports <paramref name="caseNumber"/> to <paramref name="folder"/> (new or empty), signed with the evidence key in
    /// <paramref name="dataDirectory"/>; <paramref name="origin"/> is the caller's address (null on the command line).
    /// </summary>
    public async Task<EvidenceExport> ExportAsync(
        string caseNumber, string folder, string by, string reason, string dataDirectory, string? origin, CancellationToken cancellationToken)
    {
        var missing = string.IsNullOrWhiteSpace(caseNumber) ? "case: required"
            : string.IsNullOrWhiteSpace(by) ? "by: required (who exports)"
            : string.IsNullOrWhiteSpace(reason) ? "reason: required (why it is exported)"
            : string.IsNullOrWhiteSpace(folder) ? "to: required (the folder to write)"
            : null;
        if (missing is not null)
        {
            return Usage(missing);
        }

        caseNumber = caseNumber.Trim();
        var full = Path.GetFullPath(folder);
        if (File.Exists(full) || (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()))
        {
            return Usage($"'{full}' is not an empty folder; export to a new or empty one");
        }

        var holds = (await _store.GetHoldsAsync(cancellationToken)).Where(h => h.CaseNumber == caseNumber && h.ReleasedAt is null).ToList();
        if (holds.Count == 0)
        {
            return Usage($"case {caseNumber} has no hold in force; place one with 'alpr-bridge holds place --case {caseNumber} ...'");
        }

        using var key = EvidenceKey.In(dataDirectory).Load();
        var reads = new SortedDictionary<Guid, StoredRead>();
        var hits = new SortedDictionary<Guid, StoredHit>();
        foreach (var hold in holds)
        {
            if (!ReadQuery.TryCreate(hold.Plate, hold.From, hold.To, hold.DeviceId, null, ReadQuery.MaxLimit, out var query, out var error))
            {
                return Usage($"hold {hold.Id}: {error}");
            }

            var heldReads = await _store.FindReadsAsync(query!, cancellationToken);
            var heldHits = await _store.FindHitsAsync(query!, cancellationToken);
            if (heldReads.Count >= ReadQuery.MaxLimit || heldHits.Count >= ReadQuery.MaxLimit)
            {
                return Usage($"hold {hold.Id} selects {ReadQuery.MaxLimit} records or more; an export is limited to fewer per hold");
            }

            heldReads.ToList().ForEach(r => reads.TryAdd(r.Read.Id, r));
            heldHits.ToList().ForEach(h => hits.TryAdd(h.Hit.Id, h));
        }

        var now = _time.GetUtcNow();
        await _trail.AppendAsync(
            new AuditEvent(by.Trim(), null, origin, AuditedAction.EvidenceExported, "ok", reason.Trim(), caseNumber, full,
                $"reads={reads.Count} hits={hits.Count}"),
            cancellationToken);

        Directory.CreateDirectory(full);
        var files = new List<EvidenceFile>();
        foreach (var read in reads.Values)
        {
            files.Add(await WriteAsync(full, $"reads/{read.Read.Id}.json", JsonSerializer.SerializeToUtf8Bytes(read, EvidenceJson.Default.StoredRead), cancellationToken));
        }

        foreach (var stored in hits.Values)
        {
            var hit = stored.Hit;
            var withoutImages = stored with { Hit = hit with { PlateCropJpeg = null, OverviewJpeg = null } };
            files.Add(await WriteAsync(full, $"hits/{hit.Id}.json", JsonSerializer.SerializeToUtf8Bytes(withoutImages, EvidenceJson.Default.StoredHit), cancellationToken));
            if (hit.PlateCropJpeg is { Length: > 0 } plate)
            {
                files.Add(await WriteAsync(full, $"hits/{hit.Id}.plate.jpg", plate.ToArray(), cancellationToken));
            }

            if (hit.OverviewJpeg is { Length: > 0 } overview)
            {
                files.Add(await WriteAsync(full, $"hits/{hit.Id}.overview.jpg", overview.ToArray(), cancellationToken));
            }
        }

        var manifest = new EvidenceManifest
        {
            Schema = EvidenceManifest.CurrentSchema,
            CaseNumber = caseNumber,
            ExportedBy = by.Trim(),
            ExportedAt = now,
            Reason = reason.Trim(),
            Exporter = $"alpr-bridge {ThisAssembly.AssemblyInformationalVersion}",
            KeyId = SigningKeys.KeyId(key),
            Holds = [.. holds.Select(h => h.Id)],
            Reads = reads.Count,
            Hits = hits.Count,
            Files = [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)],
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, EvidenceJson.Default.EvidenceManifest);
        await File.WriteAllBytesAsync(Path.Combine(full, ManifestFileName), manifestBytes, cancellationToken);
        var signature = key.SignData(manifestBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        await File.WriteAllBytesAsync(Path.Combine(full, SignatureFileName), signature, cancellationToken);
        return new EvidenceExport(full, manifest, null, false);
    }

    private static async Task<EvidenceFile> WriteAsync(string folder, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, bytes, cancellationToken);
        return new EvidenceFile(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length);
    }

    private static EvidenceExport Usage(string error) => new(null, null, error, true);
}
