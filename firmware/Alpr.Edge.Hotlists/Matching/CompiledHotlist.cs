using System.Text;
using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// An immutable, compiled hot list: built once off the hot path (<see cref="Build"/>), then matched against every
/// read from any number of threads. Plates sit in a key-sorted column table found through hashes of their
/// canonical keys (confusion classes folded): exact and confusion matches are one probe per distinct canonical
/// text; one missing or extra character is a few hundred probes, but only into the (usually small) table of entries
/// that allow it. Patterns are found through <see cref="PatternIndex"/>. See docs/hotlists.md.
/// </summary>
public sealed class CompiledHotlist
{
    private readonly EntryTable _table;
    private readonly PlateKeyTable _oneEditKeys;
    private readonly PlateKeyTable _otherKeys;
    private readonly PatternIndex _patterns;

    private CompiledHotlist(HotlistInfo info, EntryTable table, PlateKeyTable oneEditKeys, PlateKeyTable otherKeys, PatternIndex patterns, int droppedExpired)
    {
        Info = info;
        _table = table;
        _oneEditKeys = oneEditKeys;
        _otherKeys = otherKeys;
        _patterns = patterns;
        DroppedExpired = droppedExpired;
    }

    /// <summary>A list with no entries.</summary>
    public static CompiledHotlist Empty { get; } = Build([], HotlistInfo.None, DateTimeOffset.MinValue);

    /// <summary>Version and source of the list.</summary>
    public HotlistInfo Info { get; }

    /// <summary>Entries kept (plates and patterns).</summary>
    public int Count => _table.Count;

    /// <summary>Pattern entries among <see cref="Count"/>.</summary>
    public int PatternCount => _patterns.Count;

    /// <summary>Entries left out because they had already expired when the list was built.</summary>
    public int DroppedExpired { get; }

    /// <summary>Managed bytes held by the index and entry columns (an estimate from the array sizes).</summary>
    public long IndexBytes => _table.Bytes + _oneEditKeys.Bytes + _otherKeys.Bytes + _patterns.Bytes;

    /// <summary>
    /// Compiles <paramref name="entries"/>, which must be valid (<see cref="HotlistEntryValidator"/>); entries already
    /// expired at <paramref name="now"/> are left out. Throws <see cref="ArgumentException"/> for an invalid plate.
    /// </summary>
    public static CompiledHotlist Build(IEnumerable<HotlistEntry> entries, HotlistInfo info, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(info);
        var oneEdit = new SortablePlates();
        var others = new SortablePlates();
        var patterns = new List<HotlistEntry>();
        var dropped = 0;
        Span<byte> codes = stackalloc byte[PlateText.MaxLength];
        foreach (var entry in entries)
        {
            if (entry.ExpiresAt is { } expires && expires <= now)
            {
                dropped++;
                continue;
            }

            if (PlateText.IsPattern(entry.Plate))
            {
                patterns.Add(entry);
                continue;
            }

            if (!TryCanonicalCodes(entry.Plate, codes, out var length))
            {
                throw new ArgumentException($"entry '{entry.Id}': plate '{entry.Plate}' is not 1-{PlateText.MaxLength} of A-Z and 0-9", nameof(entries));
            }

            (entry.Strictness == MatchStrictness.ConfusionsAndOneEdit ? oneEdit : others).Add(entry, PlateKey.Pack(codes[..length]));
        }

        // One-edit entries get their own range and table: the ~200 probes for a missing character go to it alone,
        // which is small (and cache-resident) when few entries allow one edit.
        var (oneEditEntries, oneEditKeys) = oneEdit.Sorted();
        var (otherEntries, otherKeys) = others.Sorted();
        var table = new EntryTable([.. oneEditEntries, .. otherEntries, .. patterns]);
        var patternIndex = new PatternIndex([.. patterns.Select(p => Encoding.ASCII.GetBytes(p.Plate))], oneEditEntries.Length + otherEntries.Length);
        return new CompiledHotlist(
            info,
            table,
            new PlateKeyTable(oneEditKeys, 0),
            new PlateKeyTable(otherKeys, oneEditEntries.Length),
            patternIndex,
            dropped);
    }

    /// <summary>
    /// The entries active at <paramref name="now"/> that <paramref name="text"/> or one of its
    /// <paramref name="alternatives"/> matches under each entry's rules; each entry once, with its best match,
    /// best score first. Texts are normalised first; texts that are not 1-10 of A-Z and 0-9 match nothing.
    /// </summary>
    public IReadOnlyList<HotlistMatch> Match(string text, IReadOnlyList<string> alternatives, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(alternatives);
        if (_table.Count == 0)
        {
            return [];
        }

        var ticks = now.UtcTicks;
        var collector = new MatchCollector();
        var texts = new string[alternatives.Count + 1];
        var groups = new List<(ulong Key, List<Candidate> Candidates)>(texts.Length);
        Span<byte> raw = stackalloc byte[PlateText.MaxLength];
        Span<byte> canonical = stackalloc byte[PlateText.MaxLength];
        for (var t = 0; t < texts.Length; t++)
        {
            var normalized = PlateText.Normalize(t == 0 ? text : alternatives[t - 1] ?? string.Empty);
            texts[t] = normalized;
            if (Array.IndexOf(texts, normalized, 0, t) >= 0 || !TryCodes(normalized, raw, canonical))
            {
                continue;
            }

            var read = raw[..normalized.Length];
            var key = PlateKey.Pack(canonical[..normalized.Length]);
            var candidates = groups.Find(g => g.Key == key).Candidates;
            if (candidates is null)
            {
                candidates = Probe(canonical[..normalized.Length], key);
                groups.Add((key, candidates));
            }

            foreach (var candidate in candidates)
            {
                if (_table.IsActive(candidate.Entry, ticks)
                    && CandidateEvaluator.Evaluate(_table, candidate, read, normalized, t) is { } found)
                {
                    collector.Offer(found);
                }
            }
        }

        return collector.ToMatches(_table, Info.Version);
    }

    private List<Candidate> Probe(ReadOnlySpan<byte> canonical, ulong key)
    {
        var candidates = new List<Candidate>();
        AddRun(candidates, _otherKeys, key, CandidateRelation.Same, 0);
        var length = canonical.Length;
        if (_oneEditKeys.Count > 0)
        {
            AddRun(candidates, _oneEditKeys, key, CandidateRelation.Same, 0);
            for (var i = 0; length > 1 && i < length; i++)
            {
                if (i == 0 || canonical[i] != canonical[i - 1])
                {
                    AddRun(candidates, _oneEditKeys, PlateKey.Delete(key, i), CandidateRelation.ReadExtra, i);
                }
            }

            for (var position = 0; length < PlateText.MaxLength && position <= length; position++)
            {
                for (byte code = 1; code <= PlateAlphabet.CanonicalCount; code++)
                {
                    if (position == 0 || canonical[position - 1] != code)
                    {
                        AddRun(candidates, _oneEditKeys, PlateKey.Insert(key, position, code), CandidateRelation.ReadMissing, position);
                    }
                }
            }
        }

        if (_patterns.Count > 0)
        {
            var patterns = new List<int>();
            _patterns.Candidates(canonical, patterns);
            candidates.AddRange(patterns.Select(p => new Candidate(p, CandidateRelation.Pattern, 0)));
        }

        return candidates;
    }

    private static void AddRun(List<Candidate> candidates, PlateKeyTable keys, ulong key, CandidateRelation relation, int position)
    {
        var index = keys.Find(key);
        if (index < 0)
        {
            return;
        }

        for (; keys.KeyAt(index, key); index++)
        {
            candidates.Add(new Candidate(index, relation, position));
        }
    }

    private static bool TryCanonicalCodes(string plate, Span<byte> canonical, out int length)
    {
        Span<byte> raw = stackalloc byte[PlateText.MaxLength];
        length = plate.Length;
        return TryCodes(plate, raw, canonical);
    }

    private static bool TryCodes(string normalized, Span<byte> raw, Span<byte> canonical)
    {
        if (normalized.Length is 0 or > PlateText.MaxLength)
        {
            return false;
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            var code = PlateAlphabet.Raw(normalized[i]);
            if (code == 0)
            {
                return false;
            }

            raw[i] = code;
            canonical[i] = PlateAlphabet.Canonical(code);
        }

        return true;
    }
}
