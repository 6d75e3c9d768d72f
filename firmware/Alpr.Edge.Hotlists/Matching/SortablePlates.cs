using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Matching;

/// <summary>Plate entries and their canonical keys, collected while a list is built and then sorted by key.</summary>
internal sealed class SortablePlates
{
    private readonly List<HotlistEntry> _entries = [];
    private readonly List<ulong> _keys = [];

    /// <summary>Adds an entry with its key.</summary>
    public void Add(HotlistEntry entry, ulong key)
    {
        _entries.Add(entry);
        _keys.Add(key);
    }

    /// <summary>The entries and keys, sorted by key.</summary>
    public (HotlistEntry[] Entries, ulong[] Keys) Sorted()
    {
        var keys = _keys.ToArray();
        var entries = _entries.ToArray();
        Array.Sort(keys, entries);
        return (entries, keys);
    }
}
