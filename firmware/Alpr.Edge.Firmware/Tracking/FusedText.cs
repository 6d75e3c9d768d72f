namespace Alpr.Edge.Firmware.Tracking;

/// <summary>The text a track's sightings fused to, and how strongly they agreed on it.</summary>
public sealed record FusedText
{
    /// <summary>The fused text (with <see cref="PlateFusionMethod.Vote"/>, possibly one that no sighting read).</summary>
    public required string Text { get; init; }

    /// <summary>Confidence 0..1: the voters' mean confidence, raised by their number and lowered by the narrowest vote margin.</summary>
    public required double Confidence { get; init; }

    /// <summary>Sightings given.</summary>
    public required int Sightings { get; init; }

    /// <summary>Sightings that read exactly <see cref="Text"/>.</summary>
    public required int Agreeing { get; init; }

    /// <summary>Sightings whose characters took part in the vote (the rest read too different a text: another plate, or noise).</summary>
    public required int Voting { get; init; }

    /// <summary>
    /// Smallest share, over every position decided, of the vote weight that the decision got (1 when all sightings agree;
    /// near 0.5 for a tie between two characters).
    /// </summary>
    public required double WeakestShare { get; init; }
}
