using Alpr.Edge.Hotlists.Entries;
using Alpr.Edge.Hotlists.Matching;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class ExactMatchingTests
{
    [Fact]
    public void A_read_equal_to_an_entry_matches_exactly_with_score_one()
    {
        var list = Compile(Entry("7ABC123"), Entry("4XYZ567"));

        var match = Assert.Single(list.Match("7ABC123"));

        Assert.Equal("id-7ABC123", match.Entry.Id);
        Assert.Equal(MatchKind.Exact, match.Kind);
        Assert.Equal(1.0, match.Score);
        Assert.Empty(match.Substitutions);
        Assert.Null(match.Edit);
        Assert.Null(match.AlternativeIndex);
        Assert.Equal(7, match.ListVersion);
        Assert.Equal("exact", match.Detail);
    }

    [Theory]
    [InlineData("7abc123")]
    [InlineData("7ABC-123")]
    [InlineData(" 7 ABC 123 ")]
    [InlineData("7-abc 12-3")]
    public void Reads_are_normalised_to_upper_case_without_spaces_or_dashes(string read)
    {
        var match = Assert.Single(Compile(Entry("7ABC123")).Match(read));

        Assert.Equal("7ABC123", match.MatchedText);
    }

    [Fact]
    public void Plate_text_normalisation_keeps_already_normal_text_and_strips_the_rest()
    {
        Assert.Equal("7ABC123", PlateText.Normalize("7ABC123"));
        Assert.Equal("7ABC123", PlateText.Normalize("7a-b c\t123"));
        Assert.True(PlateText.IsValidPlate("7ABC123"));
        Assert.False(PlateText.IsValidPlate("7ABC1234567"));
        Assert.False(PlateText.IsValidPlate("7ABÇ123"));
    }

    [Fact]
    public void A_read_matches_through_an_alternative_and_says_which()
    {
        var match = Assert.Single(Compile(Entry("7ABC128")).Match("7ABC123", "7ABCI23", "7ABC128"));

        Assert.Equal("7ABC128", match.MatchedText);
        Assert.Equal(1, match.AlternativeIndex);
        Assert.Equal("exact (alternative 2)", match.Detail);
    }

    [Theory]
    [InlineData("7ABC124")]
    [InlineData("7ABC12")]
    [InlineData("7ABC1234")]
    [InlineData("17ABC123")]
    [InlineData("")]
    [InlineData("7AB.123")]
    public void An_exact_entry_does_not_match_a_different_read(string read)
    {
        Assert.Empty(Compile(Entry("7ABC123")).Match(read));
    }

    [Fact]
    public void An_exact_entry_does_not_match_through_a_confusion()
    {
        Assert.Empty(Compile(Entry("7ABC123")).Match("7A8C123", "7ABC12Z"));
    }

    [Fact]
    public void A_plate_on_two_lists_matches_both_once_even_when_several_texts_match()
    {
        var stolen = Entry("7ABC123", id: "s-1");
        var amber = Entry("7ABC123", id: "a-1") with { ListName = "amber", Category = HotlistCategories.AmberAlert };

        var matches = Compile(stolen, amber).Match("7ABC123", "7ABC123", "7 ABC 123");

        Assert.Equal(["a-1", "s-1"], matches.Select(m => m.Entry.Id).Order(StringComparer.Ordinal));
        Assert.All(matches, m => Assert.Null(m.AlternativeIndex));
    }

    [Fact]
    public void An_empty_list_matches_nothing()
    {
        Assert.Empty(CompiledHotlist.Empty.Match("7ABC123", ["7ABC123"], Now));
    }

    [Fact]
    public void The_entry_comes_back_with_every_field()
    {
        var entry = new HotlistEntry
        {
            Id = "SV-0001",
            Plate = "7ABC123",
            ListName = "ncic-stolen",
            Category = HotlistCategories.StolenVehicle,
            IssuingState = "CA",
            DetailsFromClets = true,
            CletsReference = "CLETS:opaque:42",
            CaseNumber = "2026-000123",
            EnteredBy = "dispatch7",
            StartsAt = Now.AddDays(-1),
            ExpiresAt = Now.AddDays(30),
            Strictness = MatchStrictness.Confusions,
            MinScore = 0.8,
        };

        var match = Assert.Single(Compile(entry).Match("7ABC123"));

        Assert.Equal(entry, match.Entry);
    }
}
