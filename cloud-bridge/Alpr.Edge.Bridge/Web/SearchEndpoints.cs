using System.Globalization;
using Alpr.Edge.Bridge.Access.Purposes;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Search and canvass of reads and hits (<c>/api/search/...</c>): full or partial plate, time window, device, camera,
/// and every read within a radius of a point. A purpose (and case where it needs one) is required; each search is
/// audited with its criteria, purpose, case and result count.
/// </summary>
public static class SearchEndpoints
{
    /// <summary>Maps <c>/api/search/reads</c> and <c>/api/search/hits</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var search = api.MapGroup("/search").RequirePurpose().WithTags("search");
        search.MapGet("/reads", SearchReadsAsync).WithSummary("Reads by plate or pattern, time, device, camera, or within a radius (canvass); paged");
        search.MapGet("/hits", SearchHitsAsync).WithSummary("Hits by the same criteria as reads; paged");
        api.MapGet("/purposes", ListPurposes).WithSummary("The purposes an access may state, and which need a case number").WithTags("search");
        return api;
    }

    private static JsonHttpResult<IReadOnlyList<PurposeOption>> ListPurposes(PurposeCatalog catalog) =>
        TypedResults.Json(catalog.Options, BridgeJson.Default.IReadOnlyListPurposeOption);

    private static async Task<Results<JsonHttpResult<SearchPage<StoredRead>>, ProblemHttpResult>> SearchReadsAsync(
        [AsParameters] SearchCriteria criteria, HttpContext context, ICentralStore store, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (!criteria.TryQuery(out var query, out var page, out var pageSize, out var error))
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var found = await store.FindReadsAsync(query!, cancellationToken);
        var result = new SearchPage<StoredRead>([.. found.Take(pageSize)], page, pageSize, found.Count > pageSize);
        await AuditAsync(context, audit, "reads.search", criteria, result.Items.Count, cancellationToken);
        return TypedResults.Json(result, BridgeJson.Default.SearchPageStoredRead);
    }

    private static async Task<Results<JsonHttpResult<SearchPage<HitView>>, ProblemHttpResult>> SearchHitsAsync(
        [AsParameters] SearchCriteria criteria, HttpContext context, ICentralStore store, HitViews views, IAuditTrail audit, CancellationToken cancellationToken)
    {
        if (!criteria.TryQuery(out var query, out var page, out var pageSize, out var error))
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var found = await store.FindHitsAsync(query!, cancellationToken);
        var shown = await views.ForAsync([.. found.Take(pageSize)], Accessor.From(context.User), cancellationToken);
        var result = new SearchPage<HitView>(shown, page, pageSize, found.Count > pageSize);
        await AuditAsync(context, audit, "hits.search", criteria, result.Items.Count, cancellationToken);
        return TypedResults.Json(result, BridgeJson.Default.SearchPageHitView);
    }

    private static Task AuditAsync(HttpContext context, IAuditTrail audit, string action, SearchCriteria criteria, int results, CancellationToken cancellationToken)
    {
        var actor = RequestActor.Of(context);
        var purpose = PurposeRequired.Of(context);
        var detail = string.Create(CultureInfo.InvariantCulture, $"{criteria.Describe()} results={results}").TrimStart();
        return audit.AppendAsync(
            actor.Event(action, "ok", purpose, context.Request.Path.Value, detail),
            cancellationToken);
    }
}
