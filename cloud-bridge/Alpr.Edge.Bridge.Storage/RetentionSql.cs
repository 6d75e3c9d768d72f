namespace Alpr.Edge.Bridge.Storage;

/// <summary>The SQL both engines use to tell whether a read (alias <c>r</c>) is on a legal hold in force.</summary>
internal static class RetentionSql
{
    /// <summary>True when hold <c>h</c> is in force and selects read <c>r</c>.</summary>
    public const string HoldSelectsRead = """
        h.released_at IS NULL
        AND (h.plate IS NULL OR h.plate = r.plate)
        AND (h.device_id IS NULL OR h.device_id = r.device_id)
        AND (h.from_at IS NULL OR r.captured_at >= h.from_at)
        AND (h.to_at IS NULL OR r.captured_at < h.to_at)
        """;

    /// <summary>True when some hold in force selects read <c>r</c>.</summary>
    public const string ReadIsHeld = $"EXISTS (SELECT 1 FROM legal_holds h WHERE {HoldSelectsRead})";

    /// <summary>The case numbers of holds in force that select a read captured before <c>@cutoff</c>, and how many such reads are held.</summary>
    public const string Spared = $"""
        SELECT (SELECT count(*) FROM reads r WHERE r.captured_at < @cutoff AND {ReadIsHeld}),
               h.case_number
        FROM legal_holds h
        WHERE h.released_at IS NULL AND EXISTS (SELECT 1 FROM reads r WHERE r.captured_at < @cutoff AND {HoldSelectsRead})
        ORDER BY h.case_number;
        """;
}
