namespace Alpr.Edge.Recognition.PostProcessing;

/// <summary>
/// Rescores the characters plates confuse (O/0/D/Q, I/1/T/L, B/8, S/5, Z/2, G/6, A/4) with the plate formats as a
/// prior: among the reading and its alternatives that differ from it only by such swaps, each score is multiplied by
/// 1 when the text has a format of the device's home states, by <see cref="HomeMissWeight"/> when it does not,
/// and further by <see cref="AnyStateMissWeight"/> when no state issues that format. The best product wins, so a
/// confident vanity or out-of-state reading stays as read; only near-ties between look-alike characters move.
/// </summary>
public sealed class PlateFormatPrior
{
    /// <summary>Weight of a text that is not a home-state format (measured best 0.85-0.9).</summary>
    public const double HomeMissWeight = 0.85;

    /// <summary>Weight of a text that no state issues.</summary>
    public const double AnyStateMissWeight = 0.9;

    private static readonly string[] ConfusedGroups = ["O0DQ", "I1TL", "B8", "S5", "Z2", "G6", "A4"];
    private readonly PlateFormatBook _book;
    private readonly string[] _homeStates;

    /// <summary>Creates the prior; with no home states only the any-state weight applies.</summary>
    public PlateFormatPrior(PlateFormatBook book, IReadOnlyCollection<string> homeStates)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(homeStates);
        _book = book;
        _homeStates = [.. homeStates.Select(s => s.ToUpperInvariant())];
    }

    /// <summary>The states whose formats get full weight.</summary>
    public IReadOnlyList<string> HomeStates => _homeStates;

    /// <summary>True when the two texts differ only by look-alike characters (same length).</summary>
    public static bool DifferOnlyByLookAlikes(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && !ConfusedGroups.Any(g => g.Contains(a[i], StringComparison.Ordinal) && g.Contains(b[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The prior weight of a text.</summary>
    public double Weight(string text)
    {
        var weight = 1.0;
        if (_homeStates.Length > 0 && !_book.IsFormatOf(text, _homeStates))
        {
            weight *= HomeMissWeight;
        }

        return _book.IsAnyStateFormat(text) ? weight : weight * AnyStateMissWeight;
    }

    /// <summary>
    /// The text to report for a reading of <paramref name="text"/> with <paramref name="score"/> and its alternatives: the
    /// look-alike variant with the best score x weight (the reading itself when none beats it).
    /// </summary>
    public string Choose(string text, double score, IEnumerable<(string Text, double Score)> alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var best = text;
        var bestValue = score * Weight(text);
        foreach (var (altText, altScore) in alternatives)
        {
            if (DifferOnlyByLookAlikes(text, altText))
            {
                var value = altScore * Weight(altText);
                if (value > bestValue)
                {
                    (best, bestValue) = (altText, value);
                }
            }
        }

        return best;
    }
}
