namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// Plates to alert on, matched exactly (after normalisation) against a read's text and its alternatives.
/// Immutable: a new list replaces the old one as a whole.
/// </summary>
public sealed class Hotlist
{
    /// <summary>The match kind every hit from this list carries.</summary>
    public const string ExactMatch = "exact";

    private readonly Dictionary<string, List<HotlistEntry>> _byPlate;

    /// <summary>Creates a list from entries; a plate may appear on several lists.</summary>
    public Hotlist(IEnumerable<HotlistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byPlate = new Dictionary<string, List<HotlistEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_byPlate.TryGetValue(entry.Plate, out var list))
            {
                list = [];
                _byPlate.Add(entry.Plate, list);
            }

            list.Add(entry);
        }

        Count = _byPlate.Values.Sum(l => l.Count);
    }

    /// <summary>A list with no entries.</summary>
    public static Hotlist Empty { get; } = new([]);

    /// <summary>Number of entries.</summary>
    public int Count { get; }

    /// <summary>
    /// Entries equal to <paramref name="text"/> or, failing that, to one of <paramref name="alternatives"/>;
    /// each entry at most once.
    /// </summary>
    public IReadOnlyList<HotlistMatch> Match(string text, IEnumerable<string> alternatives)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(alternatives);
        var matches = new List<HotlistMatch>();
        foreach (var candidate in alternatives.Prepend(text))
        {
            if (_byPlate.TryGetValue(PlateText.Normalize(candidate), out var entries))
            {
                foreach (var entry in entries.Where(e => !matches.Exists(m => m.Entry == e)))
                {
                    matches.Add(new HotlistMatch(entry, candidate, ExactMatch));
                }
            }
        }

        return matches;
    }
}
