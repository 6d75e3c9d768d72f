using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Matching;

/// <summary>An entry a read matched, which of the read's texts matched, and why.</summary>
public sealed record HotlistMatch
{
    /// <summary>The entry.</summary>
    public required HotlistEntry Entry { get; init; }

    /// <summary>Exact, partial or fuzzy.</summary>
    public required MatchKind Kind { get; init; }

    /// <summary>The normalised read text or alternative that matched.</summary>
    public required string MatchedText { get; init; }

    /// <summary>Null when the read's own text matched, else the index of the alternative that did.</summary>
    public int? AlternativeIndex { get; init; }

    /// <summary>The OCR confusions the match relied on (empty for exact).</summary>
    public IReadOnlyList<CharSubstitution> Substitutions { get; init; } = [];

    /// <summary>The missing or extra character, for a one-edit match.</summary>
    public PlateEdit? Edit { get; init; }

    /// <summary>Score, 0..1 (see <see cref="MatchScores"/>).</summary>
    public required double Score { get; init; }

    /// <summary>Version of the list the entry came from.</summary>
    public required long ListVersion { get; init; }

    /// <summary>The match kind as the wire writes it: <c>exact</c>, <c>partial</c> or <c>fuzzy</c>.</summary>
    public string KindName => Kind switch
    {
        MatchKind.Exact => "exact",
        MatchKind.Partial => "partial",
        _ => "fuzzy",
    };

    /// <summary>One line for officers and auditors, e.g. <c>fuzzy: 0->O at 4; missing A at 6 (alternative 2)</c>.</summary>
    public string Detail
    {
        get
        {
            var parts = new List<string>();
            if (Kind == MatchKind.Partial)
            {
                parts.Add($"pattern {Entry.Plate}");
            }

            parts.AddRange(Substitutions.Select(s => s.ToString()));
            if (Edit is { } edit)
            {
                parts.Add(edit.ToString());
            }

            var where = AlternativeIndex is { } alternative ? $" (alternative {alternative + 1})" : string.Empty;
            return parts.Count == 0 ? $"{KindName}{where}" : $"{KindName}: {string.Join("; ", parts)}{where}";
        }
    }
}
