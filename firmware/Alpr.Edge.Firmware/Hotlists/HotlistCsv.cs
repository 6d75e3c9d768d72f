namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// Reads a hot list from CSV: a header line <c>plate,list,category,case</c>, then one entry a line.
/// Plates are normalised (upper case, no spaces or dashes); the case number may be empty; blank lines
/// are skipped. Quoted fields are not supported. Any broken line refuses the whole file, naming the line.
/// </summary>
public static class HotlistCsv
{
    /// <summary>The header the file must start with.</summary>
    public const string Header = "plate,list,category,case";

    /// <summary>Loads and parses a file; a missing or broken file throws <see cref="HotlistFormatException"/>.</summary>
    public static Hotlist Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!System.IO.File.Exists(path))
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
    public static Hotlist Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<HotlistEntry>();
        var sawHeader = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!sawHeader)
            {
                if (!string.Equals(line.Replace(" ", string.Empty, StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw Broken(source, lineNumber, $"expected the header '{Header}'");
                }

                sawHeader = true;
                continue;
            }

            entries.Add(ParseEntry(line, source, lineNumber));
        }

        if (!sawHeader)
        {
            throw new HotlistFormatException($"hot list '{source}' is empty: it needs the header '{Header}'");
        }

        return new Hotlist(entries);
    }

    private static HotlistEntry ParseEntry(string line, string source, int lineNumber)
    {
        if (line.Contains('"', StringComparison.Ordinal))
        {
            throw Broken(source, lineNumber, "quoted fields are not supported");
        }

        var fields = line.Split(',').Select(f => f.Trim()).ToArray();
        if (fields.Length is not (3 or 4))
        {
            throw Broken(source, lineNumber, $"expected 4 fields (plate,list,category,case), found {fields.Length}");
        }

        var plate = PlateText.Normalize(fields[0]);
        if (!PlateText.IsValid(plate))
        {
            throw Broken(source, lineNumber, $"plate '{fields[0]}' must be 1-10 letters and digits (spaces and dashes are ignored)");
        }

        if (fields[1].Length == 0)
        {
            throw Broken(source, lineNumber, "the list name is empty");
        }

        if (fields[2].Length == 0)
        {
            throw Broken(source, lineNumber, "the category is empty");
        }

        var caseNumber = fields.Length == 4 && fields[3].Length > 0 ? fields[3] : null;
        return new HotlistEntry(plate, fields[1], fields[2], caseNumber, lineNumber);
    }

    private static HotlistFormatException Broken(string source, int lineNumber, string reason) =>
        new($"hot list '{source}' line {lineNumber}: {reason}");
}
