using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Legal holds and evidence exports (under <c>/api</c>, so each request is audited with its purpose; each hold placed
/// or released and each export also writes its own audit row naming who and why). A hold placed here is pushed to
/// the devices it concerns, and its release too (<see cref="DeviceHoldPush"/>). Exports are written under <c>evidence-exports/</c> in the data
/// folder; the API never writes anywhere a caller names.
/// </summary>
public static class HoldEndpoints
{
    /// <summary>Folder, under the data folder, that API exports are written to.</summary>
    public const string ExportsFolder = "evidence-exports";

    /// <summary>Maps <c>/api/holds</c> and <c>/api/evidence/exports</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapHoldEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/holds", ListAsync).WithSummary("Legal holds, newest first (?case=N for one case)").WithTags("holds");
        api.MapPost("/holds", PlaceAsync).WithSummary("Place a legal hold and push it to the devices concerned").WithTags("holds");
        api.MapPost("/holds/{id:guid}/release", ReleaseAsync).WithSummary("Release a legal hold and release it on the devices that hold it").WithTags("holds");
        api.MapPost("/evidence/exports", ExportAsync).WithSummary("Export a case's held reads and hits, signed").WithTags("evidence");
        return api;
    }

    private static async Task<JsonHttpResult<IReadOnlyList<LegalHold>>> ListAsync(string? @case, HoldActions holds, CancellationToken cancellationToken) =>
        TypedResults.Json(await holds.ListAsync(@case, cancellationToken), BridgeJson.Default.IReadOnlyListLegalHold);

    private static async Task<Results<JsonHttpResult<HoldPlaced>, ProblemHttpResult>> PlaceAsync(
        HoldRequest body, HttpContext context, HoldActions holds, DeviceHoldPush push, CancellationToken cancellationToken)
    {
        var outcome = await holds.PlaceAsync(body, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (outcome.Hold is not { } hold)
        {
            return Problem(outcome);
        }

        var result = await push.PlaceAsync(hold, cancellationToken);
        return TypedResults.Json(new HoldPlaced(hold, result.PushedTo, result.NotPushed), BridgeJson.Default.HoldPlaced, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<HoldReleased>, ProblemHttpResult>> ReleaseAsync(
        Guid id, HoldRelease body, HttpContext context, HoldActions holds, DeviceHoldPush push, CancellationToken cancellationToken)
    {
        var outcome = await holds.ReleaseAsync(id, body.By, body.Reason, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (outcome.Hold is not { } hold)
        {
            return Problem(outcome);
        }

        var result = await push.ReleaseAsync(hold, cancellationToken);
        return TypedResults.Json(new HoldReleased(hold, [.. result.AlreadyApplied, .. result.PushedTo], result.NotPushed), BridgeJson.Default.HoldReleased);
    }

    private static async Task<Results<JsonHttpResult<EvidenceExported>, ProblemHttpResult>> ExportAsync(
        EvidenceExportRequest body, HttpContext context, EvidenceExporter exporter, IOptions<BridgeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var data = options.Value.DataDirectory;
        var caseNumber = body.CaseNumber?.Trim() ?? string.Empty;
        var safeCase = new string([.. caseNumber.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        var folder = Path.Combine(data, ExportsFolder, $"{safeCase}-{time.GetUtcNow():yyyyMMdd'T'HHmmssfff'Z'}");
        try
        {
            var export = await exporter.ExportAsync(caseNumber, folder, body.By ?? string.Empty, body.Reason ?? string.Empty, data,
                context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
            return export.Manifest is { } manifest
                ? TypedResults.Json(new EvidenceExported(export.Folder!, manifest), BridgeJson.Default.EvidenceExported, statusCode: StatusCodes.Status201Created)
                : TypedResults.Problem(detail: export.Error, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static ProblemHttpResult Problem(HoldOutcome outcome) => TypedResults.Problem(
        detail: outcome.Error,
        statusCode: outcome.Failure switch
        {
            HoldFailure.NotFound => StatusCodes.Status404NotFound,
            HoldFailure.AlreadyReleased => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        });
}
