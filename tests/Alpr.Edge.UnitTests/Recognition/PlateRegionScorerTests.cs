using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.PlateRegions;
using Alpr.Edge.Recognition.Reading;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PlateRegionScorerTests
{
    [Fact]
    public void The_score_is_the_reading_confidence_times_the_detector_score()
    {
        var plate = Assert.Single(PlateRegionScorer.Plates([Box(100, 100, 0.8f)], [Reading("7ABC123", 0.9f)], minScore: 0.3, prior: null));

        Assert.Equal(0.72, plate.Confidence, 6);
        Assert.Equal("7ABC123", plate.Text);
        Assert.Equal(new PlateRegion(100, 100, 200, 100), plate.Box);
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("ABC12345X")]
    [InlineData("")]
    public void A_reading_shorter_than_4_or_longer_than_8_characters_is_not_a_plate(string text)
    {
        Assert.Empty(PlateRegionScorer.Plates([Box(100, 100, 0.9f)], [Reading(text, 0.99f)], minScore: 0.3, prior: null));
    }

    [Fact]
    public void Letters_only_and_words_are_kept_because_the_detector_says_it_is_a_plate()
    {
        var plates = PlateRegionScorer.Plates([Box(100, 100, 0.9f)], [Reading("GOFAST", 0.9f)], minScore: 0.3, prior: null);

        Assert.Equal("GOFAST", Assert.Single(plates).Text);
    }

    [Fact]
    public void A_plate_under_the_minimum_score_is_dropped()
    {
        var plates = PlateRegionScorer.Plates([Box(100, 100, 0.5f), Box(600, 100, 0.9f)], [Reading("7ABC123", 0.7f), Reading("4FGH556", 0.7f)], minScore: 0.4, prior: null);

        Assert.Equal("4FGH556", Assert.Single(plates).Text);
    }

    [Fact]
    public void Of_two_overlapping_boxes_only_the_higher_score_is_kept_and_plates_apart_are_best_first()
    {
        var boxes = new[] { Box(100, 100, 0.7f), Box(120, 110, 0.9f), Box(700, 400, 0.95f) };
        var readings = new[] { Reading("7ABC128", 0.9f), Reading("7ABC123", 0.9f), Reading("4FGH556", 0.9f) };

        var plates = PlateRegionScorer.Plates(boxes, readings, minScore: 0.3, prior: null);

        Assert.Equal(["4FGH556", "7ABC123"], plates.Select(p => p.Text));
    }

    [Fact]
    public void The_letter_o_in_a_reading_with_digits_is_read_as_zero_as_in_text_line_mode()
    {
        var plate = Assert.Single(PlateRegionScorer.Plates([Box(100, 100, 0.9f)], [Reading("7ABO123", 0.9f)], minScore: 0.3, prior: null));

        Assert.Equal("7AB0123", plate.Text);
        Assert.Equal("7ABO123", plate.Alternatives[0].Text);
    }

    private static PlateBox Box(int x, int y, float score)
    {
        var quad = Quad.FromRect(SKRect.Create(x, y, 200, 100));
        return new PlateBox(new TextBox(quad, score), quad, new PlateRegion(x, y, 200, 100));
    }

    private static CtcDecoding Reading(string text, float confidence) =>
        new(text, Enumerable.Repeat(confidence, text.Length).ToArray(), new string('0', text.Length), new float[text.Length]);
}
