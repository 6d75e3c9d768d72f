namespace Alpr.Edge.Recognition.Reading;

/// <summary>
/// Other texts a reading could be: the characters with the smallest margin over their runner-up are swapped for it,
/// one or two at a time. Scores are the mean character probability with the swapped characters' runner-up probability.
/// </summary>
public static class AlternativeReadings
{
    private const int CandidatePositions = 3;

    /// <summary>Up to <paramref name="maxCount"/> alternatives, best first, never equal to the reading itself.</summary>
    public static IReadOnlyList<(string Text, double Score)> Of(CtcDecoding reading, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var length = reading.Text.Length;
        if (length == 0 || maxCount <= 0)
        {
            return [];
        }

        var positions = Enumerable.Range(0, length)
            .Where(i => reading.RunnerUps[i] != reading.Text[i] && reading.RunnerUpConfidences[i] > 0)
            .OrderBy(i => reading.Confidences[i] - reading.RunnerUpConfidences[i])
            .Take(CandidatePositions)
            .ToArray();

        var swaps = new List<int[]>();
        for (var i = 0; i < positions.Length; i++)
        {
            swaps.Add([positions[i]]);
            for (var j = i + 1; j < positions.Length; j++)
            {
                swaps.Add([positions[i], positions[j]]);
            }
        }

        return swaps
            .Select(swap => Apply(reading, swap))
            .Where(a => a.Text != reading.Text)
            .DistinctBy(a => a.Text)
            .OrderByDescending(a => a.Score)
            .Take(maxCount)
            .ToList();
    }

    private static (string Text, double Score) Apply(CtcDecoding reading, int[] swap)
    {
        var chars = reading.Text.ToCharArray();
        var sum = reading.Confidences.Sum(c => (double)c);
        foreach (var i in swap)
        {
            chars[i] = reading.RunnerUps[i];
            sum += reading.RunnerUpConfidences[i] - reading.Confidences[i];
        }

        return (new string(chars), sum / chars.Length);
    }
}
