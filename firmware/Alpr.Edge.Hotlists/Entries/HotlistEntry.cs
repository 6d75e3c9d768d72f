using System.Text.Json.Serialization;

namespace Alpr.Edge.Hotlists.Entries;

/// <summary>
/// One hot-list entry as published by the bridge (the JSON names are the bundle's) or read from a CSV file.
/// When <see cref="DetailsFromClets"/> is set, the entry's details came from CLETS: the device only ever carries
/// <see cref="CletsReference"/>, an opaque reference that the bridge resolves for authorised users.
/// </summary>
public sealed record HotlistEntry
{
    /// <summary>Stable id of the entry in its source (for audits); 1-64 characters.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Normalised plate (A-Z, 0-9), or a partial-plate pattern with <c>?</c> (one character) and <c>*</c> (any run).</summary>
    [JsonPropertyName("plate")]
    public required string Plate { get; init; }

    /// <summary>Name of the list the entry belongs to.</summary>
    [JsonPropertyName("list")]
    public required string ListName { get; init; }

    /// <summary>Category, one of <see cref="HotlistCategories"/> or a custom one (kebab case).</summary>
    [JsonPropertyName("category")]
    public required string Category { get; init; }

    /// <summary>Issuing state (two letters, e.g. <c>CA</c>), where known.</summary>
    [JsonPropertyName("state")]
    public string? IssuingState { get; init; }

    /// <summary>True when the entry's details come from CLETS; then only <see cref="CletsReference"/> travels.</summary>
    [JsonPropertyName("fromClets")]
    public bool DetailsFromClets { get; init; }

    /// <summary>Opaque reference to the CLETS record (never the record's details).</summary>
    [JsonPropertyName("cletsRef")]
    public string? CletsReference { get; init; }

    /// <summary>Case or incident number, if any.</summary>
    [JsonPropertyName("case")]
    public string? CaseNumber { get; init; }

    /// <summary>Who entered the entry (user name or source system).</summary>
    [JsonPropertyName("enteredBy")]
    public string? EnteredBy { get; init; }

    /// <summary>When the entry starts to apply; none means it already does.</summary>
    [JsonPropertyName("start")]
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>When the entry stops applying (exclusive); none means it does not expire.</summary>
    [JsonPropertyName("expires")]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>How loosely the entry may match.</summary>
    [JsonPropertyName("match")]
    public MatchStrictness Strictness { get; init; } = MatchStrictness.Exact;

    /// <summary>Lowest score (0..1) a loose match must reach to count; exact matches score 1.</summary>
    [JsonPropertyName("minScore")]
    public double MinScore { get; init; } = DefaultMinScore;

    /// <summary>The default <see cref="MinScore"/>: at most three confusions, or one edit and one confusion.</summary>
    public const double DefaultMinScore = 0.7;

    /// <summary>True when the entry applies at <paramref name="now"/>: started and not yet expired.</summary>
    public bool IsActiveAt(DateTimeOffset now) => (StartsAt is not { } start || start <= now) && (ExpiresAt is not { } end || now < end);
}
