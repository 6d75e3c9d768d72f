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

    /// <summary>Id of the list entry in its source.</summary>
    public string? EntryId { get; init; }

    /// <summary>Version of the hot list the entry came from (0 for the device's local file).</summary>
    public long? ListVersion { get; init; }

    /// <summary>The read text or alternative that matched (normalised).</summary>
    public string? MatchedText { get; init; }

    /// <summary>Null when the read's own text matched, else the index of the alternative that did.</summary>
    public int? MatchedAlternative { get; init; }

    /// <summary>Why it matched, in one line (e.g. <c>fuzzy: 8->B at 3; missing 3 at 7</c>).</summary>
    public string? MatchDetail { get; init; }

    /// <summary>The OCR confusions the match relied on (empty for exact).</summary>
    public IReadOnlyList<HotlistHitSubstitution>? Substitutions { get; init; }

    /// <summary>Match score, 0..1: exact 1.0, partial 0.9, one missing or extra character 0.8, each confusion -0.1.</summary>
    public double? Score { get; init; }

    /// <summary>Issuing state of the listed plate, where known.</summary>
    public string? IssuingState { get; init; }

    /// <summary>
    /// For an entry whose details come from CLETS: the opaque reference the bridge resolves for authorised users.
    /// CLETS details themselves never travel.
    /// </summary>
    public string? CletsReference { get; init; }

    /// <summary>JPEG of the plate crop of the read's best sighting (base64 in JSON), when the device keeps images.</summary>
    public ReadOnlyMemory<byte>? PlateCropJpeg { get; init; }

    /// <summary>JPEG overview of that frame, scaled down and size-limited on the device (<c>Evidence</c> options), when kept.</summary>
    public ReadOnlyMemory<byte>? OverviewJpeg { get; init; }
}
