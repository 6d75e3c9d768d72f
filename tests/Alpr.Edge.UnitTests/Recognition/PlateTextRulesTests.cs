using Alpr.Edge.Recognition.PostProcessing;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PlateTextRulesTests
{
    [Fact]
    public void State_names_and_words_are_not_plate_numbers_but_mixed_text_is()
    {
        Assert.Equal(0, PlateTextRules.ContentScore("CALIFORNIA"));
        Assert.Equal(0, PlateTextRules.ContentScore("TEXAS"));
        Assert.Equal(0, PlateTextRules.ContentScore("AB1"));
        Assert.Equal(0, PlateTextRules.ContentScore("ABC12345X"));
        Assert.Equal(1, PlateTextRules.ContentScore("7ABC123"));
        Assert.True(PlateTextRules.ContentScore("123456") > PlateTextRules.ContentScore("QWERTY"));
    }

    [Theory]
    [InlineData("CALIFO")]
    [InlineData("SYLVANIA")]
    public void A_state_name_cut_by_the_frame_edge_is_still_a_word(string piece)
    {
        Assert.True(PlateTextRules.IsKnownWord(piece));
        Assert.Equal(0, PlateTextRules.ContentScore(piece));
    }

    [Theory]
    [InlineData("0REG0N")]
    [InlineData("C0L0RADO")]
    [InlineData("DMVCAG0V")]
    public void A_state_name_read_with_0_for_O_is_still_a_word(string text)
    {
        Assert.True(PlateTextRules.IsKnownWord(text));
        Assert.Equal(0, PlateTextRules.ContentScore(text));
        Assert.Equal(1, PlateTextRules.ContentScore("0RE6ON"));
    }

    [Fact]
    public void Short_letter_runs_are_not_mistaken_for_pieces_of_words()
    {
        Assert.False(PlateTextRules.IsKnownWord("CALI"));
        Assert.False(PlateTextRules.IsKnownWord("ABC1234"));
    }

    [Theory]
    [InlineData("20140508")]
    [InlineData("201404")]
    [InlineData("08052014")]
    public void Camera_date_stamps_score_below_any_plate_like_number(string stamp)
    {
        Assert.True(PlateTextRules.LooksLikeDateStamp(stamp));
        Assert.True(PlateTextRules.ContentScore(stamp) < PlateTextRules.ContentScore("1049338"));
    }

    [Fact]
    public void An_ordinary_all_digit_plate_is_not_a_date_stamp()
    {
        Assert.False(PlateTextRules.LooksLikeDateStamp("1049338"));
        Assert.False(PlateTextRules.LooksLikeDateStamp("7ABC123"));
    }
}
