namespace Alpr.Edge.Recognition.Reading;

/// <summary>
/// Maps a CTC model's output classes to the plate alphabet: the blank, a symbol of the alphabet
/// (lower-case folded into upper-case when asked), or a class the plate alphabet masks out.
/// </summary>
public sealed class CtcClassMap
{
    /// <summary>Value in <see cref="SymbolOf"/> for the blank class.</summary>
    public const int Blank = -1;

    /// <summary>Value in <see cref="SymbolOf"/> for a class outside the alphabet.</summary>
    public const int Masked = -2;

    private readonly int[] symbolOf;

    /// <summary>Builds the map from the model's class labels (index = class; the blank's label is ignored).</summary>
    public CtcClassMap(IReadOnlyList<string> classLabels, int blankIndex, string alphabet, bool foldLowerCase)
    {
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentException.ThrowIfNullOrEmpty(alphabet);
        Alphabet = alphabet;
        symbolOf = new int[classLabels.Count];
        for (var c = 0; c < classLabels.Count; c++)
        {
            var label = classLabels[c];
            if (c == blankIndex)
            {
                symbolOf[c] = Blank;
                continue;
            }

            if (label.Length == 1 && foldLowerCase && char.IsAsciiLetterLower(label[0]))
            {
                label = char.ToUpperInvariant(label[0]).ToString();
            }

            symbolOf[c] = label.Length == 1 ? alphabet.IndexOf(label[0], StringComparison.Ordinal) : -1;
            if (symbolOf[c] < 0)
            {
                symbolOf[c] = Masked;
            }
        }
    }

    /// <summary>The plate alphabet; symbol <c>i</c> is <c>Alphabet[i]</c>.</summary>
    public string Alphabet { get; }

    /// <summary>Number of model classes.</summary>
    public int ClassCount => symbolOf.Length;

    /// <summary>Alphabet index of class <paramref name="modelClass"/>, or <see cref="Blank"/> / <see cref="Masked"/>.</summary>
    public int SymbolOf(int modelClass) => symbolOf[modelClass];

    /// <summary>Class labels for a PaddleOCR-style dictionary: blank, one class per line, then a space when asked.</summary>
    public static IReadOnlyList<string> PaddleLabels(IEnumerable<string> dictionaryLines, bool appendSpace)
    {
        ArgumentNullException.ThrowIfNull(dictionaryLines);
        var labels = new List<string> { string.Empty };
        labels.AddRange(dictionaryLines);
        if (appendSpace)
        {
            labels.Add(" ");
        }

        return labels;
    }

    /// <summary>Class labels for a model that gives its classes inline: one per <paramref name="alphabet"/> character, with the blank at <paramref name="blankIndex"/>.</summary>
    public static IReadOnlyList<string> InlineLabels(string alphabet, int blankIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(alphabet);
        ArgumentOutOfRangeException.ThrowIfNegative(blankIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blankIndex, alphabet.Length);
        var labels = alphabet.Select(c => c.ToString()).ToList();
        labels.Insert(blankIndex, string.Empty);
        return labels;
    }
}
