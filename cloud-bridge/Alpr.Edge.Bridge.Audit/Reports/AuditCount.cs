namespace Alpr.Edge.Bridge.Audit.Reports;

/// <summary>How many entries a report counted for one key (a user, a case).</summary>
/// <param name="Key">The user or case.</param>
/// <param name="Count">How many.</param>
public sealed record AuditCount(string Key, int Count);
