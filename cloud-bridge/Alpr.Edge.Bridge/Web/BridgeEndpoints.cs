using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Web;

/// <summary>The page, the API and the health endpoint.</summary>
public static class BridgeEndpoints
{
    /// <summary>Records returned when no limit is given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Largest limit accepted.</summary>
    public const int MaxLimit = 500;

    /// <summary>
    /// Adds security headers (and HSTS over TLS), the embedded page (<c>/</c>, its sign-in form needs no session), routing,
    /// authentication (session cookie or API token), the access audit of <c>/api</c> (after authentication, so it sees the
    /// user), and the <see cref="AccessGate"/> that authorizes every endpoint from <see cref="EndpointAccess"/>.
    /// </summary>
    public static WebApplication UseBridgeWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        if (app.Services.GetRequiredService<IOptions<BridgeOptions>>().Value.UsesWebTls)
        {
            app.UseHsts();
        }

        var page = new EmbeddedFileProvider(typeof(BridgeEndpoints).Assembly, "Alpr.Edge.Bridge.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AccessAuditMiddleware>();
        app.UseMiddleware<AccessGate>();
        return app;
    }

    /// <summary>Maps <c>/health</c> and the <c>/api</c> endpoints.</summary>
    public static IEndpointRouteBuilder MapBridgeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", Health);
        var api = endpoints.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapGet("/reads", GetReadsAsync).RequirePurpose();
        api.MapGet("/reads/{id:guid}", GetReadAsync).RequirePurpose();
        api.MapGet("/hits", GetHitsAsync).RequirePurpose();
        api.MapGet("/hits/{id:guid}", GetHitAsync).RequirePurpose();
        api.MapGet("/dead-letters", GetDeadLettersAsync);
        api.MapDeviceEndpoints();
        api.MapHoldEndpoints();
        api.MapTransferEndpoints();
        api.MapSearchEndpoints();
        api.MapHitVerificationEndpoints();
        api.MapHitImageEndpoints();
        api.MapSharingEndpoints();
        api.MapRecordsRequestEndpoints();
        api.MapAuditEndpoints();
        return endpoints;
    }

    private static JsonHttpResult<HealthReport> Health(IngestState state, IngestMetrics metrics)
    {
        var ready = state.IsReady;
        var report = new HealthReport(
            ready ? "ok" : "degraded",
            ready,
            ThisAssembly.AssemblyInformationalVersion,
            metrics.Received,
            metrics.Stored,
            metrics.Duplicates,
            metrics.Dropped);
        return TypedResults.Json(
            report,
            BridgeJson.Default.HealthReport,
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<StoredRead>>, ProblemHttpResult>> GetReadsAsync(
        int? limit, string? plate, ICentralStore store, CancellationToken cancellationToken)
    {
        if (!TryLimit(limit, out var count, out var problem))
        {
            return problem;
        }

        var reads = string.IsNullOrWhiteSpace(plate)
            ? await store.GetRecentReadsAsync(count, cancellationToken)
            : await store.GetReadsByPlateAsync(plate.Trim().ToUpperInvariant(), count, cancellationToken);
        return TypedResults.Json(reads, BridgeJson.Default.IReadOnlyListStoredRead);
    }

    private static async Task<Results<JsonHttpResult<StoredRead>, NotFound>> GetReadAsync(
        Guid id, ICentralStore store, CancellationToken cancellationToken) =>
        await store.GetReadAsync(id, cancellationToken) is { } read
            ? TypedResults.Json(read, BridgeJson.Default.StoredRead)
            : TypedResults.NotFound();

    private static async Task<Results<JsonHttpResult<IReadOnlyList<HitView>>, ProblemHttpResult>> GetHitsAsync(
        int? limit, HttpContext context, ICentralStore store, HitViews views, CancellationToken cancellationToken)
    {
        if (!TryLimit(limit, out var count, out var problem))
        {
            return problem;
        }

        var hits = await store.GetRecentHitsAsync(count, cancellationToken);
        return TypedResults.Json(await views.ForAsync(hits, Accessor.From(context.User), cancellationToken), BridgeJson.Default.IReadOnlyListHitView);
    }

    private static async Task<Results<JsonHttpResult<HitView>, NotFound>> GetHitAsync(
        Guid id, HttpContext context, ICentralStore store, HitViews views, CancellationToken cancellationToken) =>
        await store.GetHitAsync(id, cancellationToken) is { } hit
            ? TypedResults.Json(await views.ForAsync(hit, Accessor.From(context.User), cancellationToken), BridgeJson.Default.HitView)
            : TypedResults.NotFound();

    private static async Task<Results<JsonHttpResult<IReadOnlyList<DeadLetter>>, ProblemHttpResult>> GetDeadLettersAsync(
        int? limit, ICentralStore store, CancellationToken cancellationToken)
    {
        if (!TryLimit(limit, out var count, out var problem))
        {
            return problem;
        }

        return TypedResults.Json(await store.GetDeadLettersAsync(count, cancellationToken), BridgeJson.Default.IReadOnlyListDeadLetter);
    }

    internal static bool TryLimit(int? limit, out int count, out ProblemHttpResult problem)
    {
        count = limit ?? DefaultLimit;
        problem = null!;
        if (count is >= 1 and <= MaxLimit)
        {
            return true;
        }

        problem = TypedResults.Problem(
            detail: $"limit must be between 1 and {MaxLimit}",
            statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}
