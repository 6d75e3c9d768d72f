namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>POST /api/hits/{id}/dispositions</c>.</summary>
/// <param name="Disposition"><c>Confirmed</c>, <c>NotOnFile</c>, <c>Misread</c> or <c>WrongState</c>.</param>
/// <param name="CorrectedPlate">The plate's real text; required for <c>Misread</c>.</param>
/// <param name="Note">What the check found (CLETS reference, officer's remark), at most 500 characters.</param>
public sealed record DispositionRequest(string? Disposition, string? CorrectedPlate, string? Note);

/// <summary>A hit marked actionable: confirmed through CLETS, so enforcement may follow.</summary>
/// <param name="HitId">The hit.</param>
/// <param name="By">Who marked it.</param>
/// <param name="At">When.</param>
public sealed record HitActionable(Guid HitId, string By, DateTimeOffset At);
