using Alpr.Edge.Hotlists.Entries;
using Alpr.Edge.Hotlists.Loading;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class HotlistCsvTests
{
    [Fact]
    public void The_original_four_columns_still_load_with_plates_normalised()
    {
        var entries = HotlistCsv.Parse(["plate,list,category,case", " 7abc-123 ,stolen,vehicle,C-17", "4 xyz 567,wanted,Wanted Person,"], "test.csv");

        Assert.Equal(2, entries.Count);
        Assert.Equal("7ABC123", entries[0].Plate);
        Assert.Equal("stolen", entries[0].ListName);
        Assert.Equal("vehicle", entries[0].Category);
        Assert.Equal("C-17", entries[0].CaseNumber);
        Assert.Equal("line-2", entries[0].Id);
        Assert.Equal(MatchStrictness.Exact, entries[0].Strictness);
        Assert.Equal("wanted-person", entries[1].Category);
        Assert.Null(entries[1].CaseNumber);
    }

    [Fact]
    public void Every_column_can_be_given_in_any_order()
    {
        var entries = HotlistCsv.Parse(
            [
                "id,plate,list,category,state,match,min_score,case,entered_by,start,expires,clets_ref",
                "SV-1,7AB?1*,amber,amber-alert,ca,confusions,0.8,A-1,dispatch7,2026-03-01,2026-03-02T06:00:00Z,CLETS-REF-9",
            ],
            "full.csv");

        var entry = Assert.Single(entries);
        Assert.Equal("SV-1", entry.Id);
        Assert.Equal("7AB?1*", entry.Plate);
        Assert.Equal("CA", entry.IssuingState);
        Assert.Equal(MatchStrictness.Confusions, entry.Strictness);
        Assert.Equal(0.8, entry.MinScore);
        Assert.Equal("dispatch7", entry.EnteredBy);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), entry.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), entry.ExpiresAt);
        Assert.True(entry.DetailsFromClets);
        Assert.Equal("CLETS-REF-9", entry.CletsReference);
    }

    [Theory]
    [InlineData("7ABC123,stolen", 3, "expected 4 fields")]
    [InlineData("7ABC123,stolen,vehicle,C-1,extra", 3, "expected 4 fields")]
    [InlineData("7A.*123,stolen,vehicle,C-1", 3, "pattern '7A.*123'")]
    [InlineData("7ABC123,,vehicle,C-1", 3, "list name is empty")]
    [InlineData("\"7ABC123\",stolen,vehicle,C-1", 3, "quoted fields")]
    [InlineData("7ABC123456X,stolen,vehicle,C-1", 3, "must be 1-10 letters")]
    [InlineData("5DEF678,stolen,vehicle,", 3, "id 'line-3'")]
    public void A_broken_line_refuses_the_file_naming_the_line(string brokenLine, int lineNumber, string reason)
    {
        var lines = brokenLine.StartsWith("5DEF678", StringComparison.Ordinal)
            ? new[] { "id,plate,list,category,case", "line-3,4XYZ567,wanted,person,", "line-3," + brokenLine }
            : ["plate,list,category,case", "4XYZ567,wanted,person,", brokenLine, "5DEF678,stolen,vehicle,"];

        var ex = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Parse(lines, "hot.csv"));

        Assert.Contains($"hot.csv' line {lineNumber}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plate,list,category,case,match", "7ABC123,l,c,,loose", "match 'loose'")]
    [InlineData("plate,list,category,min_score", "7ABC123,l,c,high", "min_score 'high'")]
    [InlineData("plate,list,category,min_score", "7ABC123,l,c,1.5", "minScore 1.5")]
    [InlineData("plate,list,category,expires", "7ABC123,l,c,tomorrow", "expires 'tomorrow'")]
    [InlineData("plate,list,category,start,expires", "7ABC123,l,c,2026-03-02,2026-03-01", "expires must be after start")]
    [InlineData("plate,list,category,state", "7ABC123,l,c,CAL", "state 'CAL'")]
    [InlineData("plate,list,category,match", "7AB*,l,c,confusions-and-one-edit", "cannot allow one edit")]
    public void Bad_optional_fields_refuse_the_file(string header, string line, string reason)
    {
        var ex = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Parse([header, line], "hot.csv"));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7ABC123,stolen,vehicle,C-1", "line 1: expected a header")]
    [InlineData("plate,list,colour", "unknown column 'colour'")]
    [InlineData("plate,list", "missing column(s) category")]
    [InlineData("plate,list,category,list", "named twice")]
    public void A_bad_header_is_refused(string header, string reason)
    {
        var ex = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Parse([header], "hot.csv"));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "absent.csv");

        var ex = Assert.Throws<HotlistFormatException>(() => HotlistCsv.Load(path));

        Assert.Contains($"'{path}' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_loaded_from_disk_skipping_blank_lines()
    {
        using var temp = new TempFolder();
        var path = temp.File("hot.csv", "plate,list,category,case\n\n7ABC123,stolen,vehicle,C-1\n\n");

        Assert.Single(HotlistCsv.Load(path));
    }

    [Fact]
    public void The_demo_hot_list_loads()
    {
        var path = Path.Combine(RepositoryRoot(), "scripts", "demo-data", "hotlist.csv");

        var entries = HotlistCsv.Load(path);

        Assert.Contains(entries, e => e.Plate == "8ABC123");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alpr.Edge.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
