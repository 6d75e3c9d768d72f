using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>
/// Turns the sightings of one plate (one track: one vehicle pass) into one text, by the method of
/// <see cref="TrackingOptions.Fusion"/>. Pure: the same sightings give the same text, in any process.
/// </summary>
public static class PlateTextFusion
{
    /// <summary>Fuses <paramref name="sightings"/> (at least one, none with an empty text) by <paramref name="method"/>.</summary>
    public static FusedText Fuse(IReadOnlyList<PlateReading> sightings, PlateFusionMethod method) => method switch
    {
        PlateFusionMethod.Vote => Vote(sightings),
        PlateFusionMethod.Majority => Majority(sightings),
        PlateFusionMethod.BestFrame => BestFrame(sightings),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown fusion method"),
    };

    /// <summary>
    /// Votes per character position across the sightings:
    /// <list type="number">
    /// <item>The reference is the sighting text most like all the others: the highest sum over the sightings of their
    /// confidence times the similarity, 1 - edits / longer length (ties: the text with more summed confidence). A short
    /// fragment is like nothing, so noise does not become the reference.</item>
    /// <item>Every sighting is aligned to it by edit distance (substitutions, insertions, deletions), so a reading that
    /// dropped or doubled a character still lines up on the rest. A reading that is a piece of the reference (4 or more
    /// characters: a plate cut off at the frame edge) says nothing about the part it does not show. A reading that
    /// differs from the reference in more than half its characters is another plate or noise: it does not vote, and
    /// counts against the confidence.</item>
    /// <item>Per column (a reference position, or a place where some reading has an extra character) each reading
    /// votes its character with that character's confidence (the overall confidence when the recogniser gave none per
    /// character), or votes "nothing here" with its mean character confidence. The recogniser's runner-up character, known from its one-swap
    /// alternatives, votes too with its own probability.</item>
    /// <item>The length is voted column by column: a column holds a character when its characters weigh more than its
    /// "nothing here" votes (so a doubled character, read by few, drops out, and a dropped one, read by most, stays); each
    /// kept column gives its heaviest character. (Voting the length of the whole readings first was measured worse.)</item>
    /// </list>
    /// Confidence: <c>(1 - (1 - mean) / sqrt(n)) * sqrt(share)</c>, for <c>n</c> voting sightings of mean confidence
    /// <c>mean</c> and <c>share</c> the smallest share of its column's weight that a decision got (the narrowest vote margin,
    /// with non-voting sightings' weight counted against it): one sighting keeps its confidence, agreement raises it, a close vote lowers it.
    /// </summary>
    public static FusedText Vote(IReadOnlyList<PlateReading> sightings) => Vote(sightings, FusionVoteSettings.Default);

    /// <summary>The text most sightings read whole; ties go to the higher summed confidence, then to the text seen first.</summary>
    public static FusedText Majority(IReadOnlyList<PlateReading> sightings)
    {
        var groups = Groups(sightings);
        var winner = groups.OrderByDescending(g => g.Count).ThenByDescending(g => g.ConfidenceSum).First();
        return Whole(winner, groups, sightings.Count);
    }

    /// <summary>The text of the single most confident sighting (the first of equals).</summary>
    public static FusedText BestFrame(IReadOnlyList<PlateReading> sightings)
    {
        var groups = Groups(sightings);
        var best = sightings.MaxBy(s => s.Confidence)!;
        return Whole(groups.First(g => g.Text == best.Text), groups, sightings.Count);
    }

    /// <summary>
    /// Mean confidence of the <paramref name="agreeing"/> sightings of a text, pulled towards 1 by their number and scaled down
    /// by the share of the <paramref name="sightings"/> that disagreed: <c>(1 - (1 - mean) / sqrt(k)) * sqrt(k / n)</c>.
    /// </summary>
    public static double WholeTextConfidence(int agreeing, double confidenceSum, int sightings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agreeing, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sightings, agreeing);
        var mean = confidenceSum / agreeing;
        var agreement = 1 - ((1 - mean) / Math.Sqrt(agreeing));
        return Math.Clamp(agreement * Math.Sqrt((double)agreeing / sightings), 0, 1);
    }

    /// <summary><see cref="Vote(IReadOnlyList{PlateReading})"/> with the given settings (measurements compare them).</summary>
    internal static FusedText Vote(IReadOnlyList<PlateReading> sightings, FusionVoteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(sightings);
        return FusionBallot.Count(Reference(sightings), sightings, settings).Decide(sightings);
    }

    /// <summary>
    /// The sighting text most like the others: the most confidence-weighted similarity to all of them, similarity being
    /// 1 - edits / longer length (so a short fragment, a few edits from anything, is like nothing).
    /// </summary>
    private static string Reference(IReadOnlyList<PlateReading> sightings)
    {
        var groups = Groups(sightings);
        return groups
            .Select((g, order) => (g, order, support: groups.Sum(other => other.ConfidenceSum * Similarity(g.Text, other.Text))))
            .OrderByDescending(c => c.support)
            .ThenByDescending(c => c.g.ConfidenceSum)
            .ThenBy(c => c.order)
            .First().g.Text;
    }

    private static double Similarity(string a, string b) => 1 - ((double)EditDistance.Between(a, b) / Math.Max(a.Length, b.Length));

    private static FusedText Whole(TextGroup winner, List<TextGroup> groups, int sightings) => new()
    {
        Text = winner.Text,
        Confidence = WholeTextConfidence(winner.Count, winner.ConfidenceSum, sightings),
        Sightings = sightings,
        Agreeing = winner.Count,
        Voting = sightings,
        WeakestShare = winner.ConfidenceSum / Math.Max(groups.Sum(g => g.ConfidenceSum), double.Epsilon),
    };

    private static List<TextGroup> Groups(IReadOnlyList<PlateReading> sightings)
    {
        Check(sightings);
        var groups = new List<TextGroup>();
        foreach (var sighting in sightings)
        {
            var group = groups.Find(g => g.Text == sighting.Text);
            if (group is null)
            {
                group = new TextGroup(sighting.Text);
                groups.Add(group);
            }

            group.Count++;
            group.ConfidenceSum += Math.Clamp(sighting.Confidence, 0, 1);
        }

        return groups;
    }

    private static void Check(IReadOnlyList<PlateReading> sightings)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        if (sightings.Count == 0)
        {
            throw new ArgumentException("there is nothing to fuse without a sighting", nameof(sightings));
        }

        if (sightings.Any(s => s.Text.Length == 0))
        {
            throw new ArgumentException("a sighting with an empty text cannot be fused", nameof(sightings));
        }
    }

    private sealed class TextGroup(string text)
    {
        public string Text { get; } = text;

        public int Count { get; set; }

        public double ConfidenceSum { get; set; }
    }
}
