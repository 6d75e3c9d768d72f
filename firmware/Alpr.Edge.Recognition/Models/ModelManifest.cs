namespace Alpr.Edge.Recognition.Models;

/// <summary>The <c>manifest.json</c> of a model folder: every model the recogniser may load, with its checksum and how to feed it.</summary>
public sealed record ModelManifest
{
    /// <summary>The file name the loader looks for in a model folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Manifest format version; this firmware reads version 1.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>Free text describing the model set.</summary>
    public string? Description { get; init; }

    /// <summary>The models, one per role.</summary>
    public required IReadOnlyList<ManifestModel> Models { get; init; }
}
