using Alpr.Edge.Hotlists.Entries;
using Alpr.Edge.Hotlists.Matching;

namespace Alpr.Edge.UnitTests.Hotlists;

/// <summary>Entries and compiled lists for tests.</summary>
internal static class HotlistBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static HotlistEntry Entry(string plate, MatchStrictness match = MatchStrictness.Exact, string? id = null, double minScore = HotlistEntry.DefaultMinScore) => new()
    {
        Id = id ?? $"id-{plate}",
        Plate = plate,
        ListName = "stolen",
        Category = HotlistCategories.StolenVehicle,
        Strictness = match,
        MinScore = minScore,
    };

    public static CompiledHotlist Compile(params HotlistEntry[] entries) =>
        CompiledHotlist.Build(entries, new HotlistInfo(7, Now, "test", "bundle"), Now);

    public static IReadOnlyList<HotlistMatch> Match(this CompiledHotlist list, string text, params string[] alternatives) =>
        list.Match(text, alternatives, Now);
}
