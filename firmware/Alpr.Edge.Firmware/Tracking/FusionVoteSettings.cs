namespace Alpr.Edge.Firmware.Tracking;

/// <summary>Choices inside <see cref="PlateTextFusion.Vote(IReadOnlyList{Alpr.Edge.Recognition.PlateReading})"/>, fixed by measurement (<c>alpr-edge fusion-bench</c> prints each).</summary>
/// <param name="UseAlternatives">Whether the recogniser's runner-up characters vote too.</param>
/// <param name="LengthByColumns">Whether each column decides alone whether it holds a character (more weight for one than for none) instead of the length being voted first.</param>
internal sealed record FusionVoteSettings(bool UseAlternatives, bool LengthByColumns)
{
    /// <summary>What the tracker uses.</summary>
    public static FusionVoteSettings Default { get; } = new(UseAlternatives: true, LengthByColumns: true);
}
