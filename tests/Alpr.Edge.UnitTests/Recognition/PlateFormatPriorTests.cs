using System.Text;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.PostProcessing;
using Alpr.Edge.Recognition.Reading;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PlateFormatPriorTests
{
    private static readonly PlateFormatBook Book = PlateFormatBook.LoadEmbedded();

    [Fact]
    public void The_embedded_book_knows_every_state_and_dc_with_californias_format()
    {
        Assert.Equal(51, Book.States.Count);
        Assert.True(Book.IsFormatOf("7ABC123", ["CA"]));
        Assert.False(Book.IsFormatOf("ABC1234", ["CA"]));
        Assert.True(Book.IsFormatOf("ABC1234", ["NY", "CA"]));
        Assert.Equal("#AAA###", PlateFormatBook.ShapeOf("7ABC123"));
    }

    [Fact]
    public void A_book_with_a_format_other_than_digits_and_letters_is_refused()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{"states": {"CA": ["#AAA-###"]}}"""));

        var error = Assert.Throws<FormatException>(() => PlateFormatBook.Load(json));
        Assert.Contains("CA", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8BL8976", "BBL8976", true)]
    [InlineData("SAMPLE1", "SAMPLEI", true)]
    [InlineData("7ABC123", "7ABC12", false)]
    [InlineData("FUW999", "EUW999", false)]
    public void Only_look_alike_characters_count_as_look_alike_variants(string a, string b, bool lookAlike)
    {
        Assert.Equal(lookAlike, PlateFormatPrior.DifferOnlyByLookAlikes(a, b));
    }

    [Fact]
    public void A_near_tie_between_look_alikes_goes_to_the_home_state_format()
    {
        var prior = new PlateFormatPrior(Book, ["CA"]);

        // Read B (0.80) but 8 was close (0.75): California issues #AAA###, so 8 wins.
        Assert.Equal("8ABC123", prior.Choose("BABC123", 0.80, [("8ABC123", 0.75)]));
    }

    [Fact]
    public void A_confident_reading_outside_every_format_stays_as_read()
    {
        var prior = new PlateFormatPrior(Book, ["CA"]);

        // A vanity plate: the letters-only reading is far more likely than the digit variant.
        Assert.Equal("GOBEARS", prior.Choose("GOBEARS", 0.95, [("G0BEARS", 0.40), ("GOBEAR5", 0.38)]));
    }

    [Fact]
    public void An_alternative_that_is_not_a_look_alike_is_never_chosen_by_the_prior()
    {
        var prior = new PlateFormatPrior(Book, ["CA"]);

        Assert.Equal("XABC123", prior.Choose("XABC123", 0.70, [("7ABC123", 0.69)]));
    }

    [Fact]
    public void Without_home_states_only_formats_no_state_issues_are_weighed_down()
    {
        var prior = new PlateFormatPrior(Book, []);

        Assert.Equal(1.0, prior.Weight("ABC1234"));
        Assert.Equal(1.0, prior.Weight("7ABC123"));
        Assert.Equal(PlateFormatPrior.AnyStateMissWeight, prior.Weight("A1B2C3D"));
    }

    [Fact]
    public void The_plate_keeps_the_replaced_reading_as_its_first_alternative()
    {
        var reading = new CtcDecoding("BABC123", [0.6f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f], "8000000", [0.55f, 0, 0, 0, 0, 0, 0]);

        var plate = PlateCandidateSelector.ToPlate(reading, reading.Confidence, new PlateRegion(0, 0, 10, 5), new PlateFormatPrior(Book, ["CA"]));

        Assert.Equal("8ABC123", plate.Text);
        Assert.Equal("BABC123", plate.Alternatives[0].Text);
        Assert.True(plate.Confidence < reading.Confidence);
    }

    [Fact]
    public void An_unknown_home_state_is_refused_at_start_with_the_key_named()
    {
        var options = new RecognitionOptions { HomeStates = ["CA", "XX"] };

        var result = new RecognitionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Recognition:HomeStates has 'XX'", result.FailureMessage, StringComparison.Ordinal);
    }
}
