namespace Alpr.Edge.Bridge.Evidence;

/// <summary>
/// <c>manifest.json</c> of an evidence export: what case, who exported it, when and why, the holds it came from,
/// the key that signed it (<c>manifest.sig</c>) and every file with its SHA-256 and size.
/// </summary>
public sealed record EvidenceManifest
{
    /// <summary>The format of this manifest.</summary>
    public const string CurrentSchema = "alpr-edge/evidence-export/1";

    /// <summary>Always <see cref="CurrentSchema"/>.</summary>
    public required string Schema { get; init; }

    /// <summary>The case exported.</summary>
    public required string CaseNumber { get; init; }

    /// <summary>Who exported it.</summary>
    public required string ExportedBy { get; init; }

    /// <summary>When, on the bridge's clock (UTC).</summary>
    public required DateTimeOffset ExportedAt { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>The bridge that exported it (its version).</summary>
    public required string Exporter { get; init; }

    /// <summary>Id of the evidence key that signed the manifest (first 8 bytes of the SHA-256 of its public key, hex).</summary>
    public required string KeyId { get; init; }

    /// <summary>The holds in force for the case whose reads and hits were exported.</summary>
    public required IReadOnlyList<Guid> Holds { get; init; }

    /// <summary>How many reads were exported.</summary>
    public required int Reads { get; init; }

    /// <summary>How many hits were exported.</summary>
    public required int Hits { get; init; }

    /// <summary>Every file of the export but the manifest and its signature, by path.</summary>
    public required IReadOnlyList<EvidenceFile> Files { get; init; }
}
