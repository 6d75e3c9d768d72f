using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>How much a sighting's characters weigh in <see cref="FusionBallot"/>.</summary>
internal static class FusionWeights
{
    /// <summary>No vote weighs nothing, so that a sighting of confidence 0 still counts as a sighting.</summary>
    private const double Least = 1e-6;

    /// <summary>The sighting's overall confidence (for its length vote and, as an outlier, its dissent).</summary>
    public static double Overall(PlateReading reading) => Math.Clamp(reading.Confidence, Least, 1);

    /// <summary>Character <paramref name="index"/>'s own confidence, or the overall confidence when the recogniser gave none per character.</summary>
    public static double Character(PlateReading reading, int index) =>
        HasCharacterConfidences(reading) ? Math.Clamp(reading.CharacterConfidences[index], Least, 1) : Overall(reading);

    /// <summary>What a sighting's "no character here" weighs: its mean character confidence.</summary>
    public static double Absent(PlateReading reading) =>
        HasCharacterConfidences(reading) ? Math.Clamp(reading.CharacterConfidences.Average(), Least, 1) : Overall(reading);

    /// <summary>
    /// The recogniser's runner-up characters, from the alternatives that swap exactly one character of the text. The
    /// recogniser scores such an alternative as the reading's score times (S - c + r) / S, with S the sum of the character
    /// confidences, c the swapped character's and r its runner-up's; r is recovered from that, and held to 1 - c (the two
    /// cannot add up to more than 1: the letter-O-to-zero and format rules put alternatives near the reading's own score).
    /// </summary>
    public static IEnumerable<(int Index, char Character, double Weight)> RunnerUps(PlateReading reading)
    {
        if (reading.Confidence <= 0)
        {
            yield break;
        }

        var sum = Enumerable.Range(0, reading.Text.Length).Sum(i => Character(reading, i));
        foreach (var (text, score) in reading.Alternatives)
        {
            if (text.Length != reading.Text.Length || SingleSwap(reading.Text, text) is not { } index)
            {
                continue;
            }

            var own = Character(reading, index);
            var runnerUp = own - (sum * (1 - (score / reading.Confidence)));
            var weight = Math.Clamp(runnerUp, 0, 1 - own);
            if (weight > Least)
            {
                yield return (index, text[index], weight);
            }
        }
    }

    private static bool HasCharacterConfidences(PlateReading reading) => reading.CharacterConfidences.Count == reading.Text.Length;

    private static int? SingleSwap(string text, string other)
    {
        int? at = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != other[i])
            {
                if (at is not null)
                {
                    return null;
                }

                at = i;
            }
        }

        return at;
    }
}
