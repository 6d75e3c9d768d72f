using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Non-law-enforcement requests (public records requests, civil subpoenas): logged with requester, date and scope,
/// routed to the Records Manager, and carried through Received → UnderReview → Released or Denied with the decision's
/// reason. Every step is audited; a decided request is final.
/// </summary>
public static class RecordsRequestEndpoints
{
    /// <summary>The kinds of request.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["public-records", "subpoena", "other"];

    /// <summary>Maps <c>/api/records-requests</c>.</summary>
    public static RouteGroupBuilder MapRecordsRequestEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/records-requests", ListAsync).WithSummary("Non-law-enforcement requests with their status history").WithTags("records");
        api.MapPost("/records-requests", LogAsync).WithSummary("Log a non-law-enforcement request (routed to the Records Manager)").WithTags("records");
        api.MapPost("/records-requests/{id:guid}/status", SetStatusAsync).WithSummary("Move a request on: UnderReview, Released or Denied with the reason").WithTags("records");
        return api;
    }

    private static async Task<JsonHttpResult<IReadOnlyList<RecordsRequest>>> ListAsync(ISharingStore sharing, CancellationToken cancellationToken) =>
        TypedResults.Json(await sharing.GetRecordsRequestsAsync(cancellationToken), BridgeJson.Default.IReadOnlyListRecordsRequest);

    private static async Task<Results<Created<RecordsRequest>, ProblemHttpResult>> LogAsync(
        RecordsRequestBody body, HttpContext context, ISharingStore sharing, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var kind = body.Kind?.Trim().ToLowerInvariant();
        var error = !IngestValueChecks.IsBoundedText(body.Requester, 200) ? "requester: who asks, 1 to 200 printable characters"
            : kind is null || !Kinds.Contains(kind) ? $"kind: one of {string.Join(", ", Kinds)}"
            : !IngestValueChecks.IsBoundedText(body.Scope, 2000) ? "scope: what is asked for, 1 to 2000 printable characters"
            : null;
        if (error is not null)
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = RequestActor.Of(context);
        var now = time.GetUtcNow();
        var request = new RecordsRequest(Guid.NewGuid(), body.Requester!.Trim(), kind!, body.Scope!.Trim(), now, actor.UserName,
            [new RecordsRequestEvent(RecordsRequestStatus.Received, null, actor.UserName, now)]);
        await sharing.AddRecordsRequestAsync(request, cancellationToken);
        await audit.AppendAsync(actor.Event("records-request.log", "ok", target: $"records-request:{request.Id}", detail: $"kind={kind} requester={request.Requester}"), cancellationToken);
        return TypedResults.Created($"/api/records-requests/{request.Id}", request);
    }

    private static async Task<Results<JsonHttpResult<RecordsRequest>, NotFound, ProblemHttpResult>> SetStatusAsync(
        Guid id, RecordsStatusBody body, HttpContext context, ISharingStore sharing, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = (await sharing.GetRecordsRequestsAsync(cancellationToken)).FirstOrDefault(r => r.Id == id);
        if (request is null)
        {
            return TypedResults.NotFound();
        }

        var status = Enum.TryParse<RecordsRequestStatus>(body.Status?.Trim(), ignoreCase: true, out var parsed)
            && Enum.GetNames<RecordsRequestStatus>().Contains(body.Status!.Trim(), StringComparer.OrdinalIgnoreCase)
            ? parsed
            : (RecordsRequestStatus?)null;
        var decision = status is RecordsRequestStatus.Released or RecordsRequestStatus.Denied;
        var error = status is null or RecordsRequestStatus.Received ? "status: one of UnderReview, Released, Denied"
            : request.Status is RecordsRequestStatus.Released or RecordsRequestStatus.Denied ? $"the request was already decided ({request.Status}); a decision is final"
            : decision && !IngestValueChecks.IsBoundedText(body.Reason, 2000) ? $"reason: a {status} decision needs its reason, 1 to 2000 printable characters"
            : body.Reason is { Length: > 2000 } ? "reason: at most 2000 characters"
            : null;
        var actor = RequestActor.Of(context);
        if (error is not null)
        {
            await audit.AppendAsync(actor.Event("records-request.status", "refused", target: $"records-request:{id}", detail: error), cancellationToken);
            return TypedResults.Problem(detail: error, statusCode: request.Status is RecordsRequestStatus.Released or RecordsRequestStatus.Denied ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        var change = new RecordsRequestEvent(status!.Value, string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim(), actor.UserName, time.GetUtcNow());
        await sharing.AddRecordsRequestEventAsync(id, change, cancellationToken);
        await audit.AppendAsync(actor.Event("records-request.status", "ok", target: $"records-request:{id}", detail: $"status={change.Status}"), cancellationToken);
        return TypedResults.Json(request with { History = [.. request.History, change] }, BridgeJson.Default.RecordsRequest);
    }
}
