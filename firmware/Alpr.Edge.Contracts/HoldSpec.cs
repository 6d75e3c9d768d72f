namespace Alpr.Edge.Contracts;

/// <summary>What a hold matches: exactly one of a plate, a time window, or one record.</summary>
public sealed record HoldSpec
{
    /// <summary>Every record of this plate (A-Z, 0-9).</summary>
    public string? Plate { get; init; }

    /// <summary>Start of a time window (inclusive); with <see cref="To"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of a time window (inclusive); with <see cref="From"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>One read or hit by id.</summary>
    public Guid? RecordId { get; init; }
}
