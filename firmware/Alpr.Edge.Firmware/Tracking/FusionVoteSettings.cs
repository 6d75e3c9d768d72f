namespace Alpr.Edge.Firmware.Tracking;

/// <summary>Choices inside <see cref="PlateTextFusion.Vote(IReadOnlyList{Alpr.Edge.Recognition.PlateReading})"/>, fixed by measurement (<c>alpr-edge fusion-bench</c> prints each).</summary>
/// <param name="UseAlternatives">Whether the recogniser's runner-up characters vote too.</param>
/// <param name="Rounds">Alignment rounds: 1 aligns to the medoid sighting only; more re-align to the previous round's result.</param>
internal sealed record FusionVoteSettings(bool UseAlternatives, int Rounds)
{
    /// <summary>What the tracker uses.</summary>
    public static FusionVoteSettings Default { get; } = new(UseAlternatives: true, Rounds: 3);
}
