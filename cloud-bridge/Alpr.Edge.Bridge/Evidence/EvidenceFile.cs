namespace Alpr.Edge.Bridge.Evidence;

/// <summary>One file of an evidence export, as the manifest lists it.</summary>
/// <param name="Path">Path inside the export folder, with <c>/</c> separators.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex.</param>
/// <param name="Size">Its length in bytes.</param>
public sealed record EvidenceFile(string Path, string Sha256, long Size);
