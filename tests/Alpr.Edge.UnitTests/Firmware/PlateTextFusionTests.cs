using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Recognition;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class PlateTextFusionTests
{
    [Fact]
    public void Noisy_readings_fuse_to_the_truth_where_no_single_reading_is_right()
    {
        PlateReading[] sightings = [Read("7ABC128", 0.8), Read("1ABC123", 0.8), Read("7A8C123", 0.8), Read("7ABG123", 0.8)];

        var fused = PlateTextFusion.Vote(sightings);

        Assert.Equal("7ABC123", fused.Text);
        Assert.Equal(0, fused.Agreeing);
        Assert.Equal(4, fused.Voting);
        Assert.DoesNotContain(sightings, s => s.Text == fused.Text);
    }

    [Fact]
    public void A_reading_that_dropped_a_character_still_votes_on_the_others()
    {
        // Read position by position, 7BC123 would put B under A, C under B and so on; aligned, it supplies the 2 that 7ABC183 lacks.
        PlateReading[] sightings = [Read("7BC123", 0.9), Read("7ABC183", 0.8), Read("7A8C123", 0.8)];

        var fused = PlateTextFusion.Vote(sightings);

        Assert.Equal("7ABC123", fused.Text);
    }

    [Fact]
    public void A_reading_that_doubled_a_character_still_votes_on_the_others()
    {
        PlateReading[] sightings = [Read("7ABBC123", 0.9), Read("7ABC1Z3", 0.8), Read("7A8C123", 0.8)];

        var fused = PlateTextFusion.Vote(sightings);

        Assert.Equal("7ABC123", fused.Text);
    }

    [Fact]
    public void Where_characters_are_missing_or_extra_the_length_is_voted_by_confidence()
    {
        PlateReading[] sightings = [Read("7ABC123", 0.9), Read("7ABC1233", 0.5), Read("7ABC12", 0.5)];

        Assert.Equal("7ABC123", PlateTextFusion.Vote(sightings).Text);
    }

    [Fact]
    public void Confident_characters_outvote_a_less_confident_majority()
    {
        PlateReading[] sightings =
        [
            Read("7ABC128", 0.6, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.2]),
            Read("7ABC123", 0.9, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.95]),
            Read("7ABC128", 0.6, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.2]),
            Read("7ABC123", 0.9, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.95]),
            Read("7ABC128", 0.6, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.2]),
        ];

        Assert.Equal("7ABC123", PlateTextFusion.Vote(sightings).Text);
        Assert.Equal("7ABC128", PlateTextFusion.Majority(sightings).Text);
    }

    [Fact]
    public void Two_different_plates_are_not_blended_into_one_text()
    {
        PlateReading[] sightings = [Read("7ABC123", 0.8), Read("4XYZ567", 0.9), Read("7ABC123", 0.8), Read("4XYZ567", 0.9), Read("7ABC123", 0.8)];
        PlateReading[] agreeing = [Read("7ABC123", 0.8), Read("7ABC123", 0.8), Read("7ABC123", 0.8)];

        var fused = PlateTextFusion.Vote(sightings);

        Assert.Equal("7ABC123", fused.Text);
        Assert.Equal(3, fused.Voting);
        Assert.Equal(3, fused.Agreeing);
        Assert.True(fused.Confidence < PlateTextFusion.Vote(agreeing).Confidence, "the other plate's sightings count against the confidence");
    }

    [Fact]
    public void A_plate_cut_off_at_the_frame_edge_does_not_shorten_the_text()
    {
        // The pieces say nothing about the characters they do not show, so they neither vote them out nor shorten the text.
        PlateReading[] sightings = [Read("M6221", 0.99), Read("YM6221", 0.99), Read("UYM6221", 0.9), Read("UYM6Z21", 0.9), Read("UYM6221", 0.9)];

        var fused = PlateTextFusion.Vote(sightings);

        Assert.Equal("UYM6221", fused.Text);
    }

    [Fact]
    public void One_sighting_keeps_its_text_and_confidence()
    {
        var fused = PlateTextFusion.Vote([Read("7ABC123", 0.8)]);

        Assert.Equal("7ABC123", fused.Text);
        Assert.Equal(0.8, fused.Confidence, precision: 9);
        Assert.Equal(1, fused.WeakestShare, precision: 9);
    }

    [Fact]
    public void Agreement_raises_the_confidence_and_a_close_vote_lowers_it()
    {
        var one = PlateTextFusion.Vote([Read("7ABC123", 0.8)]);
        var four = PlateTextFusion.Vote([Read("7ABC123", 0.8), Read("7ABC123", 0.8), Read("7ABC123", 0.8), Read("7ABC123", 0.8)]);
        var split = PlateTextFusion.Vote([Read("7ABC123", 0.8), Read("7ABC128", 0.8), Read("7ABC123", 0.8), Read("7ABC128", 0.8)]);

        Assert.True(four.Confidence > 0.85, $"four agreeing sightings gave {four.Confidence}");
        Assert.True(split.Confidence < one.Confidence, $"a tied position gave {split.Confidence}");
        Assert.Equal(0.5, split.WeakestShare, precision: 9);
    }

    [Fact]
    public void The_recognisers_runner_up_character_is_recovered_from_its_one_swap_alternative()
    {
        // As the recogniser scores it: alternative = score * (S - c + r) / S for character confidences summing to S.
        double[] characters = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.55];
        var sum = characters.Sum();
        var reading = Read("7ABC128", 0.8, characters) with
        {
            Alternatives = [("7ABC123", 0.8 * (sum - 0.55 + 0.4) / sum), ("7ABC1Z8", 0.8 * (sum - 0.9 + 0.05) / sum), ("7ABC12", 0.7)],
        };

        var runnerUps = FusionWeights.RunnerUps(reading).ToList();

        Assert.Equal(2, runnerUps.Count);
        Assert.Equal((6, '3'), (runnerUps[0].Index, runnerUps[0].Character));
        Assert.Equal(0.4, runnerUps[0].Weight, precision: 9);
        Assert.Equal((5, 'Z'), (runnerUps[1].Index, runnerUps[1].Character));
        Assert.Equal(0.05, runnerUps[1].Weight, precision: 9);
    }

    [Fact]
    public void A_runner_up_never_weighs_more_than_its_character_leaves()
    {
        // The letter-O rule lists the O reading at 0.99 of the score: taken literally, its runner-up would be almost as strong.
        var reading = Read("7ABC120", 0.8, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]) with { Alternatives = [("7ABC12O", 0.8 * 0.99)] };

        var runnerUp = Assert.Single(FusionWeights.RunnerUps(reading));

        Assert.Equal(0.1, runnerUp.Weight, precision: 9);
    }

    [Fact]
    public void Runner_up_votes_decide_a_tie_between_sightings()
    {
        double[] unsure = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5];
        var sum = unsure.Sum();
        PlateReading[] sightings =
        [
            Read("7ABC128", 0.8, unsure) with { Alternatives = [("7ABC123", 0.8 * (sum - 0.5 + 0.45) / sum)] },
            Read("7ABC123", 0.8, unsure),
        ];

        Assert.Equal("7ABC123", PlateTextFusion.Vote(sightings).Text);
    }

    [Fact]
    public void Best_frame_takes_the_most_confident_sighting_and_majority_the_most_read_text()
    {
        PlateReading[] sightings = [Read("7ABC123", 0.7), Read("7ABC128", 0.99), Read("7ABC123", 0.7)];

        Assert.Equal("7ABC128", PlateTextFusion.Fuse(sightings, PlateFusionMethod.BestFrame).Text);
        Assert.Equal("7ABC123", PlateTextFusion.Fuse(sightings, PlateFusionMethod.Majority).Text);
        Assert.Equal(2, PlateTextFusion.Fuse(sightings, PlateFusionMethod.Majority).Agreeing);
    }

    [Fact]
    public void Nothing_to_fuse_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PlateTextFusion.Vote([]));
        Assert.Throws<ArgumentException>(() => PlateTextFusion.Vote([Read(string.Empty, 0.5)]));
    }

    private static PlateReading Read(string text, double confidence, double[]? characters = null) =>
        new() { Text = text, Confidence = confidence, CharacterConfidences = characters ?? [], Box = new PlateRegion(100, 400, 200, 100) };
}
