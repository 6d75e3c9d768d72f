namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>Size limits a bundle must keep to (defaults fit two million entries).</summary>
public sealed record HotlistBundleLimits
{
    /// <summary>Largest bundle (envelope with base64 payload), in bytes.</summary>
    public long MaxBundleBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Largest decompressed document, in bytes (refuses compression bombs).</summary>
    public long MaxDocumentBytes { get; init; } = 768L * 1024 * 1024;

    /// <summary>Most entries in one document.</summary>
    public int MaxEntries { get; init; } = 2_000_000;

    /// <summary>The defaults.</summary>
    public static HotlistBundleLimits Default { get; } = new();
}
