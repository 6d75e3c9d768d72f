using Alpr.Edge.Storage.Ring;

namespace Alpr.Edge.Storage;

/// <summary>What <c>alpr-edge store stats</c> shows: counts, sizes and times only (all of it is in clear on the card anyway).</summary>
public sealed record StoreStats
{
    /// <summary>Full path of the database file.</summary>
    public required string Path { get; init; }

    /// <summary>Schema version of the file.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>Reads held.</summary>
    public required long Reads { get; init; }

    /// <summary>Hits held.</summary>
    public required long Hits { get; init; }

    /// <summary>Reads and hits the bridge has not acknowledged yet.</summary>
    public required long Backlog { get; init; }

    /// <summary>Records kept by a hold.</summary>
    public required long Held { get; init; }

    /// <summary>Active holds.</summary>
    public required int ActiveHolds { get; init; }

    /// <summary>Records found unreadable (skipped).</summary>
    public required long Unreadable { get; init; }

    /// <summary>Reads still carrying images.</summary>
    public required long ReadsWithImages { get; init; }

    /// <summary>Logical bytes counted against the budget.</summary>
    public required long LiveBytes { get; init; }

    /// <summary>The configured disk budget.</summary>
    public required long BudgetBytes { get; init; }

    /// <summary>Bytes of the database file and its WAL on disk.</summary>
    public required long FileBytes { get; init; }

    /// <summary>Capture time of the oldest record, if any.</summary>
    public DateTimeOffset? Oldest { get; init; }

    /// <summary>Capture time of the newest record, if any.</summary>
    public DateTimeOffset? Newest { get; init; }

    /// <summary>Days the budget holds at the measured (or, without history, the configured) rate.</summary>
    public required CapacityEstimate Capacity { get; init; }

    /// <summary>Data-key generations (1 + rotations).</summary>
    public required int KeyGenerations { get; init; }
}
