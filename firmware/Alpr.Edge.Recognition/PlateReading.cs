namespace Alpr.Edge.Recognition;

/// <summary>One plate found and read in one frame.</summary>
public sealed record PlateReading
{
    /// <summary>Normalised text (A-Z, 0-9).</summary>
    public required string Text { get; init; }

    /// <summary>Overall confidence, 0..1.</summary>
    public required double Confidence { get; init; }

    /// <summary>Per-character confidence, same length as <see cref="Text"/>.</summary>
    public IReadOnlyList<double> CharacterConfidences { get; init; } = [];

    /// <summary>Box in frame pixels (x, y, width, height).</summary>
    public required PlateRegion Box { get; init; }

    /// <summary>Alternative texts with scores, best first (excluding <see cref="Text"/>).</summary>
    public IReadOnlyList<(string Text, double Score)> Alternatives { get; init; } = [];
}
