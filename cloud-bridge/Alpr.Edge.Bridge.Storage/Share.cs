namespace Alpr.Edge.Bridge.Storage;

/// <summary>How a share reaches the partner agency.</summary>
public enum ShareMode
{
    /// <summary>The agency's users may see the shared reads and hits through the API.</summary>
    Access,

    /// <summary>The reads and hits were exported, signed like evidence, for the agency.</summary>
    Export,
}

/// <summary>Reads and hits shared with a partner agency: what, to whom, why, by whom and when.</summary>
/// <param name="Id">The share's id.</param>
/// <param name="Ori">The partner agency.</param>
/// <param name="Mode">Access through the API, or a signed export.</param>
/// <param name="ReadIds">The reads shared.</param>
/// <param name="HitIds">The hits shared.</param>
/// <param name="Reason">Why.</param>
/// <param name="CaseNumber">The case it serves, if any.</param>
/// <param name="SharedBy">Who shared.</param>
/// <param name="SharedAt">When.</param>
public sealed record Share(
    Guid Id, string Ori, ShareMode Mode, IReadOnlyList<Guid> ReadIds, IReadOnlyList<Guid> HitIds, string Reason, string? CaseNumber, string SharedBy, DateTimeOffset SharedAt);
