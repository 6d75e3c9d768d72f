namespace Alpr.Edge.Recognition.Reading;

/// <summary>The greedy CTC reading of one text line, with each character's confidence and its runner-up.</summary>
/// <param name="Text">Characters read, from the plate alphabet.</param>
/// <param name="Confidences">Probability of each character (its best time step).</param>
/// <param name="RunnerUps">For each character, the next most likely alphabet symbol at that step.</param>
/// <param name="RunnerUpConfidences">Probability of each runner-up.</param>
public sealed record CtcDecoding(string Text, float[] Confidences, string RunnerUps, float[] RunnerUpConfidences)
{
    /// <summary>Mean character probability; 0 for an empty reading.</summary>
    public float Confidence => Confidences.Length == 0 ? 0 : Confidences.Average();
}
