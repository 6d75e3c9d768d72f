namespace Alpr.Edge.Hotlists.Matching;

/// <summary>One OCR confusion a match relied on.</summary>
/// <param name="Position">Index in the matched read text (0-based).</param>
/// <param name="Read">The character the read has.</param>
/// <param name="Entry">The character the entry has.</param>
public readonly record struct CharSubstitution(int Position, char Read, char Entry)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Read}->{Entry} at {Position + 1}";
}
