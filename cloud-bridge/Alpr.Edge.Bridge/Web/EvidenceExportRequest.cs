namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>POST /api/evidence/exports</c>.</summary>
/// <param name="CaseNumber">The case to export (its holds in force select the records).</param>
/// <param name="By">Who exports.</param>
/// <param name="Reason">Why.</param>
public sealed record EvidenceExportRequest(string? CaseNumber, string? By, string? Reason);
