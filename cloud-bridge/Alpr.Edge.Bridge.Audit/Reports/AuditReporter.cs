using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Reports;

/// <summary>
/// Builds <see cref="AuditReport"/>s from the audit trail and the transfer watch's data. A search is an entry whose
/// action ends in <c>.search</c>, or an API read of <c>/api/reads</c> or <c>/api/hits</c>.
/// </summary>
public sealed class AuditReporter
{
    /// <summary>The actions of sharing and of non-law-enforcement requests: shares, partner agencies, records requests.</summary>
    private static readonly string[] SharingPrefixes = ["share.", "agency.", "records-request.", "request."];

    /// <summary>The policy's longest gap between a device's transfers.</summary>
    public static readonly TimeSpan TransferLimit = TimeSpan.FromDays(30);

    /// <summary>The user the bridge's own jobs record; left out of the working-hours section.</summary>
    public const string SystemUser = "system";

    private readonly IAuditStore _audit;
    private readonly ICentralStore _store;
    private readonly TimeProvider _time;

    /// <summary>Reports over <paramref name="audit"/> and <paramref name="store"/>'s transfers.</summary>
    public AuditReporter(IAuditStore audit, ICentralStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _audit = audit;
        _store = store;
        _time = time;
    }

    /// <summary>The report for [<paramref name="from"/>, <paramref name="to"/>) with <paramref name="hours"/> as working hours.</summary>
    public async Task<AuditReport> BuildAsync(DateTimeOffset from, DateTimeOffset to, WorkingHours hours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var entries = await _audit.GetAuditEntriesBetweenAsync(from, to, cancellationToken).ConfigureAwait(false);
        var searches = entries.Where(IsSearch).ToList();
        var transfers = await _store.GetLastTransfersAsync(cancellationToken).ConfigureAwait(false);
        return new AuditReport(
            from,
            to,
            _time.GetUtcNow(),
            entries.Count,
            Count(searches, e => e.User),
            Count(searches, e => e.CaseNumber ?? e.Purpose ?? "(none stated)"),
            [.. entries.Where(e => e.User != SystemUser && !hours.Contains(e.At))],
            [.. entries.Where(e => e.Outcome == "refused")],
            [.. transfers
                .Where(t => to - t.Value > TransferLimit)
                .OrderBy(t => t.Value)
                .Select(t => new MissedTransfer(t.Key, t.Value, (int)(to - t.Value).TotalDays))],
            [.. entries.Where(e => SharingPrefixes.Any(prefix => e.Action.StartsWith(prefix, StringComparison.Ordinal)))]);
    }

    /// <summary>True for a search of reads or hits.</summary>
    public static bool IsSearch(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Action.EndsWith(".search", StringComparison.Ordinal)
            || (entry.Action == "api.GET" && entry.Target is { } target
                && (target.StartsWith("/api/reads", StringComparison.Ordinal) || target.StartsWith("/api/hits", StringComparison.Ordinal)));
    }

    private static List<AuditCount> Count(IEnumerable<AuditEntry> entries, Func<AuditEntry, string> key) =>
        [.. entries.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new AuditCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)];
}
