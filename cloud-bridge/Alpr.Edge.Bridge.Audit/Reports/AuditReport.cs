using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Reports;

/// <summary>The auditor's report over one period of the audit trail.</summary>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Entries">How many entries the period holds.</param>
/// <param name="SearchesByUser">Searches of reads and hits per user, most first.</param>
/// <param name="SearchesByCase">Searches per case (the case number, else the stated purpose), most first.</param>
/// <param name="OutsideWorkingHours">Entries by people (not <c>system</c>) outside the working hours.</param>
/// <param name="Refused">Refused attempts (outcome <c>refused</c>).</param>
/// <param name="MissedTransfers">Devices whose last transfer is more than 30 days before the period's end.</param>
/// <param name="SharesAndRequests">Data shared with or requested by other agencies (actions <c>share.*</c>, <c>agency.*</c>, <c>records-request.*</c>).</param>
public sealed record AuditReport(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset GeneratedAt,
    int Entries,
    IReadOnlyList<AuditCount> SearchesByUser,
    IReadOnlyList<AuditCount> SearchesByCase,
    IReadOnlyList<AuditEntry> OutsideWorkingHours,
    IReadOnlyList<AuditEntry> Refused,
    IReadOnlyList<MissedTransfer> MissedTransfers,
    IReadOnlyList<AuditEntry> SharesAndRequests);
