using Alpr.Edge.Firmware.Hotlists;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class HotlistTests
{
    [Fact]
    public void Entries_are_normalised_to_upper_case_without_spaces_or_dashes()
    {
        var hotlist = HotlistCsv.Parse(["plate,list,category,case", " 7abc-123 ,stolen,vehicle,C-17", "4 xyz 567,wanted,person,"], "test.csv");

        var match = Assert.Single(hotlist.Match("7ABC123", []));
        Assert.Equal(new HotlistEntry("7ABC123", "stolen", "vehicle", "C-17", 2), match.Entry);
        Assert.Equal(Hotlist.ExactMatch, match.MatchKind);
        Assert.Null(Assert.Single(hotlist.Match("4XYZ567", [])).Entry.CaseNumber);
    }

    [Fact]
    public void A_read_matches_through_one_of_its_alternatives()
    {
        var hotlist = HotlistCsv.Parse(["plate,list,category,case", "7ABC128,stolen,vehicle,C-1"], "test.csv");

        var match = Assert.Single(hotlist.Match("7ABC123", ["7ABCI23", "7ABC128"]));

        Assert.Equal("7ABC128", match.MatchedText);
    }

    [Fact]
    public void A_read_that_is_on_no_list_matches_nothing()
    {
        var hotlist = HotlistCsv.Parse(["plate,list,category,case", "7ABC128,stolen,vehicle,C-1"], "test.csv");

        Assert.Empty(hotlist.Match("7ABC123", ["7ABC12"]));
    }

    [Fact]
    public void A_plate_on_two_lists_matches_both_once()
    {
        var hotlist = HotlistCsv.Parse(["plate,list,category,case", "7ABC123,stolen,vehicle,", "7ABC123,amber,person,A-9"], "test.csv");

        var matches = hotlist.Match("7ABC123", ["7ABC123"]);

        Assert.Equal(["amber", "stolen"], matches.Select(m => m.Entry.ListName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("7ABC123,stolen", 3, "expected 4 fields")]
    [InlineData("7ABC123,stolen,vehicle,C-1,extra", 3, "expected 4 fields")]
    [InlineData("7AB*123,stolen,vehicle,C-1", 3, "plate '7AB*123'")]
    [InlineData("7ABC123,,vehicle,C-1", 3, "list name is empty")]
    [InlineData("\"7ABC123\",stolen,vehicle,C-1", 3, "quoted fields")]
    public void A_broken_line_refuses_the_file_naming_the_line(string brokenLine, int lineNumber, string reason)
    {
        var ex = Assert.Throws<HotlistFormatException>(() =>
            HotlistCsv.Parse(["plate,list,category,case", "4XYZ567,wanted,person,", brokenLine, "5DEF678,stolen,vehicle,"], "hot.csv"));

        Assert.Contains($"hot.csv' line {lineNumber}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        var ex = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Parse(["7ABC123,stolen,vehicle,C-1"], "hot.csv"));

        Assert.Contains("line 1: expected the header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "absent.csv");

        var ex = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Load(path));

        Assert.Contains($"'{path}' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_loaded_from_disk_skipping_blank_lines()
    {
        using var temp = new TempDirectory();
        var path = temp.File("hot.csv", "plate,list,category,case\n\n7ABC123,stolen,vehicle,C-1\n\n");

        Assert.Equal(1, HotlistCsv.Load(path).Count);
    }
}
