namespace Alpr.Edge.Recognition.Calibration;

/// <summary>
/// Calibration result: for each tensor, the average over the samples of each sample's minimum and maximum (averaging
/// per-sample ranges keeps rare outliers from widening the int8 grid; global min/max lost most of the accuracy).
/// </summary>
/// <param name="Samples">How many inputs were run.</param>
/// <param name="Ranges">Tensor name → (average minimum, average maximum), in the model's output order.</param>
/// <param name="Extremes">Tensor name → (smallest minimum, largest maximum) over all samples, in the same order.</param>
public sealed record ActivationRanges(
    int Samples,
    IReadOnlyList<KeyValuePair<string, (double Min, double Max)>> Ranges,
    IReadOnlyList<KeyValuePair<string, (double Min, double Max)>> Extremes);
