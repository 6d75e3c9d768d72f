using Alpr.Edge.Hotlists.Matching;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// What the device matches against at one moment: the signed list from the bridge and the local CSV list. Immutable;
/// <see cref="InstalledHotlists"/> swaps a whole new snapshot in.
/// </summary>
/// <param name="Bundle">The bridge's list (empty until one is installed).</param>
/// <param name="Local">The local CSV list (empty when none is configured).</param>
/// <param name="BundleSha256">Hex SHA-256 of the installed bundle's bytes, to skip a retained copy delivered again; null when none.</param>
public sealed record HotlistSnapshot(CompiledHotlist Bundle, CompiledHotlist Local, string? BundleSha256)
{
    /// <summary>No lists.</summary>
    public static HotlistSnapshot Empty { get; } = new(CompiledHotlist.Empty, CompiledHotlist.Empty, null);

    /// <summary>Entries in both lists.</summary>
    public int Count => Bundle.Count + Local.Count;

    /// <summary>Matches of a read in both lists, best score first.</summary>
    public IReadOnlyList<HotlistMatch> Match(string text, IReadOnlyList<string> alternatives, DateTimeOffset now)
    {
        var fromBundle = Bundle.Match(text, alternatives, now);
        var fromLocal = Local.Match(text, alternatives, now);
        return fromLocal.Count == 0 ? fromBundle
            : fromBundle.Count == 0 ? fromLocal
            : [.. fromBundle.Concat(fromLocal).OrderByDescending(m => m.Score)];
    }
}
