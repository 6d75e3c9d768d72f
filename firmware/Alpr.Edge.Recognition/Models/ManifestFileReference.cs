namespace Alpr.Edge.Recognition.Models;

/// <summary>A supporting file (such as a dictionary) with its checksum.</summary>
public sealed record ManifestFileReference
{
    /// <summary>Path relative to the model folder.</summary>
    public required string File { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="File"/>.</summary>
    public required string Sha256 { get; init; }
}
