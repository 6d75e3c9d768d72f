namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// Scores (0..1) of a match: exact 1.0; partial pattern 0.9; one missing or extra character 0.8; each OCR
/// confusion takes 0.1 off. An entry's <see cref="Entries.HotlistEntry.MinScore"/> refuses weaker matches.
/// </summary>
public static class MatchScores
{
    /// <summary>Same characters.</summary>
    public const double Exact = 1.0;

    /// <summary>A pattern's known characters all in place.</summary>
    public const double Partial = 0.9;

    /// <summary>One missing or extra character.</summary>
    public const double OneEdit = 0.8;

    /// <summary>Taken off for each confusion.</summary>
    public const double PerConfusion = 0.1;

    /// <summary>The score of a match of <paramref name="kind"/> with <paramref name="confusions"/> confusions, rounded to 2 places.</summary>
    public static double Of(MatchKind kind, bool oneEdit, int confusions)
    {
        var start = kind switch
        {
            MatchKind.Partial => Partial,
            _ when oneEdit => OneEdit,
            _ => Exact,
        };
        return Math.Max(0, Math.Round(start - (PerConfusion * confusions), 2));
    }
}
