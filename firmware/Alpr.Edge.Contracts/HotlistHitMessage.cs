namespace Alpr.Edge.Contracts;

/// <summary>
/// A read that matched a hot-list entry, published by a device on <c>alpr/v1/{deviceId}/hit</c>
/// the moment it happens, ahead of any read backlog.
/// </summary>
public sealed record HotlistHitMessage
{
    /// <summary>Stable id of the hit, assigned on the device.</summary>
    public required Guid Id { get; init; }

    /// <summary>The read that matched.</summary>
    public required PlateReadMessage Read { get; init; }

    /// <summary>Name of the hot list the entry belongs to.</summary>
    public required string ListName { get; init; }

    /// <summary>Category of the entry (stolen vehicle, wanted person...).</summary>
    public required string Category { get; init; }

    /// <summary>The list entry's plate or pattern.</summary>
    public required string EntryPlate { get; init; }

    /// <summary>How it matched: exact, partial or fuzzy (with the substitutions).</summary>
    public required string MatchKind { get; init; }

    /// <summary>Case or incident number of the entry, if any.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>Verification state; always <see cref="HitVerification.Unverified"/> when sent by a device.</summary>
    public HitVerification Verification { get; init; } = HitVerification.Unverified;
}
