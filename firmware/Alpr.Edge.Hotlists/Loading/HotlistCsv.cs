using System.Globalization;
using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Loading;

/// <summary>
/// Reads hot-list entries from CSV, for field techs and for the bridge's <c>hotlist sign</c>. The first line names
/// the columns, in any order: <c>plate</c>, <c>list</c> and <c>category</c> are required; <c>case</c>, <c>state</c>,
/// <c>match</c> (exact, confusions, confusions-and-one-edit), <c>min_score</c>, <c>id</c>, <c>entered_by</c>,
/// <c>start</c>, <c>expires</c> (ISO 8601, UTC when no offset) and <c>clets_ref</c> (sets "details from CLETS") are
/// optional. Plates are normalised; <c>?</c> and <c>*</c> make a pattern. Quoted fields are not supported; blank
/// lines are skipped; trailing optional fields may be left off. Any broken line refuses the file, naming the line.
/// </summary>
public static class HotlistCsv
{
    /// <summary>The shortest header: the original format.</summary>
    public const string MinimalHeader = "plate,list,category,case";

    /// <summary>Every column the format knows.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["plate", "list", "category", "case", "state", "match", "min_score", "id", "entered_by", "start", "expires", "clets_ref"];

    private static readonly string[] Required = ["plate", "list", "category"];

    /// <summary>Loads and parses a file; a missing or broken file throws <see cref="HotlistFormatException"/>.</summary>
    public static IReadOnlyList<HotlistEntry> Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new HotlistFormatException($"hot list '{path}' does not exist (Hotlists:File / --hotlist FILE)");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HotlistFormatException($"hot list '{path}' cannot be read: {ex.Message}", ex);
        }

        return Parse(lines, path);
    }

    /// <summary>Parses the lines of a file; <paramref name="source"/> names it in error messages.</summary>
    public static IReadOnlyList<HotlistEntry> Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<HotlistEntry>();
        string[]? header = null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (header is null)
            {
                header = ParseHeader(line, source, lineNumber);
                continue;
            }

            var entry = ParseEntry(header, line, source, lineNumber);
            if (!ids.Add(entry.Id))
            {
                throw Broken(source, lineNumber, $"id '{entry.Id}' appears twice");
            }

            entries.Add(entry);
        }

        return header is null
            ? throw new HotlistFormatException($"hot list '{source}' is empty: it needs a header such as '{MinimalHeader}'")
            : entries;
    }

    private static string[] ParseHeader(string line, string source, int lineNumber)
    {
        var names = line.Split(',').Select(n => n.Trim().ToLowerInvariant()).ToArray();
        foreach (var name in names)
        {
            if (!Columns.Contains(name))
            {
                throw Broken(source, lineNumber, $"expected a header such as '{MinimalHeader}'; unknown column '{name}' (known: {string.Join(",", Columns)})");
            }
        }

        if (names.Distinct().Count() != names.Length)
        {
            throw Broken(source, lineNumber, "a column is named twice in the header");
        }

        var missing = Required.Where(r => !names.Contains(r)).ToList();
        return missing.Count == 0
            ? names
            : throw Broken(source, lineNumber, $"expected a header such as '{MinimalHeader}'; missing column(s) {string.Join(",", missing)}");
    }

    private static HotlistEntry ParseEntry(string[] header, string line, string source, int lineNumber)
    {
        if (line.Contains('"', StringComparison.Ordinal))
        {
            throw Broken(source, lineNumber, "quoted fields are not supported");
        }

        var fields = line.Split(',').Select(f => f.Trim()).ToArray();
        var requiredCount = header.Select((name, index) => Required.Contains(name) ? index + 1 : 0).Max();
        if (fields.Length > header.Length || fields.Length < requiredCount)
        {
            throw Broken(source, lineNumber, $"expected {header.Length} fields ({string.Join(",", header)}), found {fields.Length}");
        }

        string? Field(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 && index < fields.Length && fields[index].Length > 0 ? fields[index] : null;
        }

        var cletsReference = Field("clets_ref");
        var entry = new HotlistEntry
        {
            Id = Field("id") ?? $"line-{lineNumber}",
            Plate = PlateText.Normalize(Field("plate") ?? string.Empty),
            ListName = Field("list") ?? throw Broken(source, lineNumber, "the list name is empty"),
            Category = HotlistCategories.Normalize(Field("category") ?? throw Broken(source, lineNumber, "the category is empty")),
            CaseNumber = Field("case"),
            IssuingState = Field("state")?.ToUpperInvariant(),
            EnteredBy = Field("entered_by"),
            CletsReference = cletsReference,
            DetailsFromClets = cletsReference is not null,
            Strictness = ParseStrictness(Field("match"), source, lineNumber),
            MinScore = ParseMinScore(Field("min_score"), source, lineNumber),
            StartsAt = ParseTime(Field("start"), "start", source, lineNumber),
            ExpiresAt = ParseTime(Field("expires"), "expires", source, lineNumber),
        };
        if (entry.Plate.Length == 0)
        {
            throw Broken(source, lineNumber, "the plate is empty");
        }

        return HotlistEntryValidator.Problem(entry) is { } problem ? throw Broken(source, lineNumber, problem) : entry;
    }

    private static MatchStrictness ParseStrictness(string? value, string source, int lineNumber) => value?.ToLowerInvariant() switch
    {
        null or "exact" => MatchStrictness.Exact,
        "confusions" => MatchStrictness.Confusions,
        "confusions-and-one-edit" => MatchStrictness.ConfusionsAndOneEdit,
        _ => throw Broken(source, lineNumber, $"match '{value}' is not exact, confusions or confusions-and-one-edit"),
    };

    private static double ParseMinScore(string? value, string source, int lineNumber) =>
        value is null ? HotlistEntry.DefaultMinScore
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score
        : throw Broken(source, lineNumber, $"min_score '{value}' is not a number between 0 and 1");

    private static DateTimeOffset? ParseTime(string? value, string name, string source, int lineNumber) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw Broken(source, lineNumber, $"{name} '{value}' is not a date such as 2026-03-01 or 2026-03-01T08:00:00Z");

    private static HotlistFormatException Broken(string source, int lineNumber, string reason) =>
        new($"hot list '{source}' line {lineNumber}: {reason}");
}
