using Alpr.Edge.Recognition.Reading;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class CtcGreedyDecoderTests
{
    // Classes: 0 blank, 1 'A', 2 'B', 3 '7', 4 'a', 5 '京' (outside the plate alphabet), 6 ' '.
    private static readonly CtcClassMap Map = new(
        CtcClassMap.PaddleLabels(["A", "B", "7", "a", "京"], appendSpace: true), blankIndex: 0, alphabet: "AB7", foldLowerCase: true);

    [Fact]
    public void Repeats_collapse_and_a_blank_between_them_keeps_both()
    {
        var decoding = Decode(
            Step(1, 0.9f), Step(1, 0.8f), Step(0, 0.9f), Step(1, 0.7f), Step(2, 0.95f), Step(2, 0.6f), Step(3, 0.85f));

        Assert.Equal("AAB7", decoding.Text);
        Assert.Equal([0.9f, 0.7f, 0.95f, 0.85f], decoding.Confidences);
    }

    [Fact]
    public void Classes_outside_the_alphabet_count_as_blank()
    {
        var decoding = Decode(Step(5, 0.9f), Step(1, 0.9f), Step(6, 0.9f), Step(1, 0.9f));

        Assert.Equal("AA", decoding.Text);
    }

    [Fact]
    public void Lower_case_probability_is_added_to_its_upper_case_letter()
    {
        // 'A' 0.3 + 'a' 0.3 beats 'B' 0.4.
        var row = new float[Map.ClassCount];
        row[1] = 0.3f;
        row[4] = 0.3f;
        row[2] = 0.4f;

        var decoding = Decode(row);

        Assert.Equal("A", decoding.Text);
        Assert.Equal(0.6f, decoding.Confidences[0], 3);
        Assert.Equal('B', decoding.RunnerUps[0]);
        Assert.Equal(0.4f, decoding.RunnerUpConfidences[0], 3);
    }

    [Fact]
    public void A_blank_only_sequence_reads_as_empty_with_zero_confidence()
    {
        var decoding = Decode(Step(0, 1f), Step(0, 1f));

        Assert.Equal(string.Empty, decoding.Text);
        Assert.Equal(0, decoding.Confidence);
    }

    [Fact]
    public void Alternatives_swap_the_least_certain_character_first()
    {
        var reading = new CtcDecoding("7AB", [0.99f, 0.55f, 0.9f], "BB7", [0.01f, 0.45f, 0.05f]);

        var alternatives = AlternativeReadings.Of(reading, maxCount: 5);

        Assert.Equal("7BB", alternatives[0].Text);
        Assert.True(alternatives[0].Score < reading.Confidence);
        Assert.True(alternatives.Zip(alternatives.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
        Assert.DoesNotContain(alternatives, a => a.Text == "7AB");
        Assert.InRange(alternatives.Count, 1, 5);
    }

    private static CtcDecoding Decode(params float[][] steps) =>
        CtcGreedyDecoder.Decode(steps.SelectMany(s => s).ToArray(), steps.Length, Map);

    /// <summary>A time step where <paramref name="modelClass"/> has <paramref name="p"/> and the rest is spread over the blank.</summary>
    private static float[] Step(int modelClass, float p)
    {
        var row = new float[Map.ClassCount];
        row[modelClass] = p;
        row[modelClass == 0 ? 1 : 0] += 1 - p;
        return row;
    }
}
