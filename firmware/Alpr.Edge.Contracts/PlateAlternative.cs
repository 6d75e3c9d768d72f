namespace Alpr.Edge.Contracts;

/// <summary>Another text the recogniser considered for the same plate, with its score (0..1).</summary>
/// <param name="Text">Normalised plate text (A-Z, 0-9).</param>
/// <param name="Score">Confidence of this alternative, 0..1.</param>
public sealed record PlateAlternative(string Text, double Score);
