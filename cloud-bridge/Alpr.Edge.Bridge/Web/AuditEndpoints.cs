using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// The auditor's view of the audit trail on the API (under <c>/api</c>, so each look is itself audited):
/// the latest entries and the checkpoints. Who may call it is the access work's (its authorization policies).
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

    private static async Task<JsonHttpResult<IReadOnlyList<AuditCheckpoint>>> GetCheckpointsAsync(IAuditStore store, CancellationToken cancellationToken) =>
        TypedResults.Json(await store.GetAuditCheckpointsAsync(cancellationToken), AuditJson.Default.IReadOnlyListAuditCheckpoint);
}
