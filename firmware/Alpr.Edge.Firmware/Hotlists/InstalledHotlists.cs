using Alpr.Edge.Hotlists.Matching;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// The hot lists the device runs now. Readers (every read) take the current <see cref="HotlistSnapshot"/> without
/// locking; a new list is compiled elsewhere and swapped in with one reference write, so recognition never waits
/// for a list to load and never sees half of one.
/// </summary>
public sealed class InstalledHotlists
{
    private HotlistSnapshot _current;

    /// <summary>Starts with <paramref name="initial"/>.</summary>
    public InstalledHotlists(HotlistSnapshot initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The snapshot running now.</summary>
    public HotlistSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Version of the bridge's list running now; 0 when none.</summary>
    public long Version => Current.Bundle.Info.Version;

    /// <summary>Entries running now (both lists).</summary>
    public int Count => Current.Count;

    /// <summary>Matches a read against the lists running now.</summary>
    public IReadOnlyList<HotlistMatch> Match(string text, IReadOnlyList<string> alternatives, DateTimeOffset now) =>
        Current.Match(text, alternatives, now);

    /// <summary>Swaps in a new bridge list, keeping the local one; returns the snapshot it replaced.</summary>
    public HotlistSnapshot InstallBundle(CompiledHotlist bundle, string bundleSha256)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        while (true)
        {
            var before = Volatile.Read(ref _current);
            var after = before with { Bundle = bundle, BundleSha256 = bundleSha256 };
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, after, before), before))
            {
                return before;
            }
        }
    }
}
