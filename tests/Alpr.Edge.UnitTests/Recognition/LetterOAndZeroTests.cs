using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.PostProcessing;
using Alpr.Edge.Recognition.Reading;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class LetterOAndZeroTests
{
    [Theory]
    [InlineData("OHPJ657", "0HPJ657")]
    [InlineData("ABC1O3", "ABC103")]
    [InlineData("GOBEAVS", "GOBEAVS")]
    [InlineData("7ABC123", "7ABC123")]
    public void The_letter_O_is_read_as_zero_only_among_digits(string read, string expected)
    {
        Assert.Equal(expected, LetterOAndZero.Prefer(read));
    }

    [Fact]
    public void The_text_as_read_stays_the_first_alternative()
    {
        var reading = new CtcDecoding("OHPJ657", [0.9f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f, 0.99f], "0000000", [0.1f, 0, 0, 0, 0, 0, 0]);

        var plate = PlateCandidateSelector.ToPlate(reading, 0.95, new PlateRegion(0, 0, 10, 5));

        Assert.Equal("0HPJ657", plate.Text);
        Assert.Equal("OHPJ657", plate.Alternatives[0].Text);
        Assert.DoesNotContain(plate.Alternatives, a => a.Text == plate.Text);
    }
}
