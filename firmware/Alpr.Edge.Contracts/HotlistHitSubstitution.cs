namespace Alpr.Edge.Contracts;

/// <summary>One OCR confusion a fuzzy or partial hit relied on.</summary>
/// <param name="Position">Index in the matched text (0-based).</param>
/// <param name="Read">The character the read has.</param>
/// <param name="Entry">The character the list entry has.</param>
public sealed record HotlistHitSubstitution(int Position, char Read, char Entry);
