namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// The characters plate OCR confuses, as classes: any two characters of one class may stand for each other
/// in a <see cref="Entries.MatchStrictness.Confusions"/> match.
/// </summary>
public static class PlateConfusions
{
    /// <summary>The confusion classes.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["O0DQ", "I1TL", "B8", "S5", "Z2", "G6"];

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ and OCR confuses them.</summary>
    public static bool AreConfusable(char a, char b)
    {
        var ra = PlateAlphabet.Raw(a);
        var rb = PlateAlphabet.Raw(b);
        return ra != 0 && rb != 0 && ra != rb && PlateAlphabet.Canonical(ra) == PlateAlphabet.Canonical(rb);
    }
}
