namespace Alpr.Edge.Recognition.Models;

/// <summary>Pixel normalisation: <c>value = (pixel * Scale - Mean[c]) / Std[c]</c>, channels in <see cref="ChannelOrder"/>.</summary>
public sealed record ManifestNormalization
{
    /// <summary><c>RGB</c> or <c>BGR</c>: the order of the input's channel planes.</summary>
    public required string ChannelOrder { get; init; }

    /// <summary>Factor applied to the 0..255 pixel first (usually 1/255).</summary>
    public required float Scale { get; init; }

    /// <summary>Per-channel mean, in <see cref="ChannelOrder"/>.</summary>
    public required IReadOnlyList<float> Mean { get; init; }

    /// <summary>Per-channel standard deviation, in <see cref="ChannelOrder"/>.</summary>
    public required IReadOnlyList<float> Std { get; init; }
}
