namespace Alpr.Edge.Bridge.Evidence;

/// <summary>What an export wrote, or why it wrote nothing (one line).</summary>
/// <param name="Folder">The folder written, when it was done.</param>
/// <param name="Manifest">Its manifest, when it was done.</param>
/// <param name="Error">Why nothing was written.</param>
/// <param name="IsUsageError">True when the request itself was wrong (no holds for the case, folder not empty...).</param>
public sealed record EvidenceExport(string? Folder, EvidenceManifest? Manifest, string? Error, bool IsUsageError);
