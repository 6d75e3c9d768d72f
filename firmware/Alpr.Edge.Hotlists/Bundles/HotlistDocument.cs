using System.Text.Json.Serialization;
using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>The signed content of a bundle: list metadata and every entry (JSON, schema <see cref="CurrentSchema"/>).</summary>
public sealed record HotlistDocument
{
    /// <summary>The schema this firmware reads.</summary>
    public const string CurrentSchema = "alpr-hotlist/1";

    /// <summary>Schema name and version; must be <see cref="CurrentSchema"/>.</summary>
    [JsonPropertyName("schema")]
    public required string Schema { get; init; }

    /// <summary>List version; each publication has a higher one, and a device refuses a lower one than it runs.</summary>
    [JsonPropertyName("listVersion")]
    public required long ListVersion { get; init; }

    /// <summary>When the bridge issued the list.</summary>
    [JsonPropertyName("issuedAt")]
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Who issued it (the bridge's name).</summary>
    [JsonPropertyName("issuer")]
    public required string Issuer { get; init; }

    /// <summary>The entries of all lists.</summary>
    [JsonPropertyName("entries")]
    public required IReadOnlyList<HotlistEntry> Entries { get; init; }
}
