using Alpr.Edge.Hotlists.Matching;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class EntryLifetimeTests
{
    [Fact]
    public void An_entry_expired_when_the_list_is_built_is_left_out()
    {
        var list = Compile(Entry("7ABC123") with { ExpiresAt = Now.AddSeconds(-1) }, Entry("4XYZ567"));

        Assert.Equal(1, list.Count);
        Assert.Equal(1, list.DroppedExpired);
        Assert.Empty(list.Match("7ABC123"));
    }

    [Fact]
    public void An_entry_never_hits_once_it_has_expired()
    {
        var list = Compile(Entry("7ABC123") with { ExpiresAt = Now.AddHours(1) });

        Assert.Single(list.Match("7ABC123", [], Now.AddMinutes(59)));
        Assert.Empty(list.Match("7ABC123", [], Now.AddHours(1)));
    }

    [Fact]
    public void An_entry_never_hits_before_it_starts()
    {
        var list = Compile(Entry("7AB?1*") with { StartsAt = Now.AddHours(1) }, Entry("4XYZ567") with { StartsAt = Now.AddHours(1) });

        Assert.Empty(list.Match("7ABC123", [], Now));
        Assert.Empty(list.Match("4XYZ567", [], Now));
        Assert.Single(list.Match("7ABC123", [], Now.AddHours(1)));
        Assert.Single(list.Match("4XYZ567", [], Now.AddHours(2)));
    }

    [Fact]
    public void An_inactive_entry_does_not_hide_an_active_one_with_the_same_plate()
    {
        var list = Compile(Entry("7ABC123", id: "old") with { ExpiresAt = Now.AddMinutes(1) }, Entry("7ABC123", id: "new"));

        var match = Assert.Single(list.Match("7ABC123", [], Now.AddMinutes(5)));

        Assert.Equal("new", match.Entry.Id);
    }

    [Fact]
    public void A_million_entry_list_reports_its_index_size()
    {
        var entries = Enumerable.Range(0, 20_000).Select(i => Entry($"{i:D7}", id: $"e{i}"));

        var list = CompiledHotlist.Build(entries, HotlistInfo.None, Now);

        Assert.Equal(20_000, list.Count);
        Assert.InRange(list.IndexBytes, 20_000 * 30, 20_000 * 200);
    }
}
