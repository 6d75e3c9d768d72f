namespace Alpr.Edge.Bridge.Storage;

/// <summary>One entry of a hit's append-only verification history.</summary>
/// <param name="HitId">The hit.</param>
/// <param name="Disposition">What the check found (never <see cref="HitDisposition.Unverified"/>).</param>
/// <param name="CorrectedPlate">The plate's real text, for <see cref="HitDisposition.Misread"/>.</param>
/// <param name="Note">The verifier's note.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Agency">The verifier's agency (ORI).</param>
/// <param name="At">When it was recorded.</param>
public sealed record HitDispositionRecord(
    Guid HitId,
    HitDisposition Disposition,
    string? CorrectedPlate,
    string? Note,
    string By,
    string? Agency,
    DateTimeOffset At);
