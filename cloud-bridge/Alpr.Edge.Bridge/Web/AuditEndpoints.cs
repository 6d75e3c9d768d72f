using Alpr.Edge.Bridge.Audit.Reports;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// The auditor's view of the audit trail on the API (under <c>/api</c>, so each look is itself audited):
/// the latest entries, the checkpoints, and the audit reports (JSON, and CSV per section). Who may call it is the access work's (its authorization policies).
/// </summary>
public static class AuditEndpoints
{
    /// <summary>Most entries one call returns.</summary>
    public const int MaxEntries = 5_000;

    /// <summary>Maps <c>/api/audit</c> and <c>/api/audit/checkpoints</c> onto <paramref name="api"/>; returns the <c>/api/audit</c> group.</summary>
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var audit = api.MapGroup("/audit").WithTags("audit");
        audit.MapGet("/", GetEntriesAsync).WithSummary("The latest audit-trail entries, newest first (?limit=, default 50, at most 5000; ?after=SEQUENCE for entries after one, oldest first)");
        audit.MapGet("/checkpoints", GetCheckpointsAsync).WithSummary("Every signed checkpoint of the audit trail, in sequence order");
        audit.MapGet("/reports", GetReportAsync).WithSummary("The audit report over ?from=&to= (ISO 8601; default the last 30 days): searches per user and case, after-hours accesses, refusals, missed transfers, shares");
        audit.MapGet("/reports/{section}", GetReportSectionAsync).WithSummary("One section of the audit report as CSV (searches-by-user, searches-by-case, outside-working-hours, refused, missed-transfers, shares-and-requests)");
        return audit;
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> GetEntriesAsync(
        int? limit, long? after, IAuditStore store, CancellationToken cancellationToken)
    {
        var count = limit ?? BridgeEndpoints.DefaultLimit;
        if (count is < 1 or > MaxEntries)
        {
            return TypedResults.Problem(detail: $"limit: must be 1 to {MaxEntries}", statusCode: StatusCodes.Status400BadRequest);
        }

        var entries = after is { } sequence
            ? await store.GetAuditEntriesAsync(sequence, count, cancellationToken)
            : await store.GetRecentAuditEntriesAsync(count, cancellationToken);
        return TypedResults.Json(entries, AuditJson.Default.IReadOnlyListAuditEntry);
    }

    private static async Task<Results<JsonHttpResult<AuditReport>, ProblemHttpResult>> GetReportAsync(
        DateTimeOffset? from, DateTimeOffset? to, AuditReporter reporter, IOptions<BridgeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (since, until) = Period(from, to, time);
        if (since >= until)
        {
            return TypedResults.Problem(detail: "from: must be before to", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Json(await reporter.BuildAsync(since, until, options.Value.ResolveWorkingHours(), cancellationToken), AuditJson.Default.AuditReport);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult, NotFound>> GetReportSectionAsync(
        string section, DateTimeOffset? from, DateTimeOffset? to, AuditReporter reporter, IOptions<BridgeOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (since, until) = Period(from, to, time);
        if (since >= until)
        {
            return TypedResults.Problem(detail: "from: must be before to", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!AuditReportCsv.Sections.Contains(section, StringComparer.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var report = await reporter.BuildAsync(since, until, options.Value.ResolveWorkingHours(), cancellationToken);
        AuditReportCsv.TryWrite(report, section, out var csv);
        return TypedResults.Text(csv, "text/csv; charset=utf-8");
    }

    private static (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset? from, DateTimeOffset? to, TimeProvider time)
    {
        var until = to ?? time.GetUtcNow();
        return (from ?? until.AddDays(-30), until);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<AuditCheckpoint>>> GetCheckpointsAsync(IAuditStore store, CancellationToken cancellationToken) =>
        TypedResults.Json(await store.GetAuditCheckpointsAsync(cancellationToken), AuditJson.Default.IReadOnlyListAuditCheckpoint);
}
