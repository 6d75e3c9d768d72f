namespace Alpr.Edge.Hotlists.Matching;

/// <summary>What a compiled list is: its version and where it came from.</summary>
/// <param name="Version">List version from the bridge (grows with each publication); 0 for a local file.</param>
/// <param name="IssuedAt">When the bridge issued it; null for a local file.</param>
/// <param name="Issuer">Who issued it (the bridge's name), or the file it was read from.</param>
/// <param name="Source"><c>bundle</c> (signed, from the bridge) or <c>csv</c> (local file).</param>
public sealed record HotlistInfo(long Version, DateTimeOffset? IssuedAt, string Issuer, string Source)
{
    /// <summary>Info of an empty list.</summary>
    public static HotlistInfo None { get; } = new(0, null, "none", "none");
}
