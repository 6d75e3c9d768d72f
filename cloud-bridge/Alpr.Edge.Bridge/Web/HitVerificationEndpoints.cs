using System.Text.RegularExpressions;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Hit verification (policy § 434.3(f): alerts are verified through CLETS before enforcement): record a disposition,
/// read a hit's append-only history, mark a confirmed hit actionable (refused for any other state), and the misreads
/// per device and week. Each change is audited with who, when and what.
/// </summary>
public static partial class HitVerificationEndpoints
{
    /// <summary>Longest note accepted.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Maps the verification routes under <c>/api/hits/{id}</c> and <c>/api/reports/misreads</c>.</summary>
    public static RouteGroupBuilder MapHitVerificationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var hit = api.MapGroup("/hits/{id:guid}").RequirePurpose().WithTags("verification");
        hit.MapPost("/dispositions", RecordAsync).WithSummary("Record what checking the hit through CLETS found");
        hit.MapGet("/dispositions", HistoryAsync).WithSummary("The hit's verification history, oldest first");
        hit.MapPost("/actionable", MarkActionableAsync).WithSummary("Mark a confirmed hit actionable (refused unless Confirmed)");
        api.MapGet("/reports/misreads", MisreadsAsync).WithSummary("Misreads found by verification, per device and week").WithTags("reports");
        return api;
    }

    private static async Task<Results<Created<IReadOnlyList<HitDispositionRecord>>, NotFound, ProblemHttpResult>> RecordAsync(
        Guid id, DispositionRequest body, HttpContext context, IHitDispositionStore dispositions, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryRecord(id, body, RequestActor.Of(context), time.GetUtcNow(), out var record, out var error))
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var stored = await dispositions.AddHitDispositionAsync(record!, cancellationToken);
        await AuditAsync(context, audit, "hit.verify", stored ? "ok" : "not-found", id, $"disposition={record!.Disposition}" + (record.CorrectedPlate is { } plate ? $" corrected={plate}" : string.Empty), cancellationToken);
        if (!stored)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Created($"/api/hits/{id}/dispositions", await dispositions.GetHitDispositionsAsync(id, cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<HitDispositionRecord>>, NotFound>> HistoryAsync(
        Guid id, ICentralStore store, IHitDispositionStore dispositions, CancellationToken cancellationToken)
    {
        if (await store.GetHitAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Json(await dispositions.GetHitDispositionsAsync(id, cancellationToken), BridgeJson.Default.IReadOnlyListHitDispositionRecord);
    }

    private static async Task<Results<JsonHttpResult<HitActionable>, NotFound, ProblemHttpResult>> MarkActionableAsync(
        Guid id, HttpContext context, IHitDispositionStore dispositions, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var actor = RequestActor.Of(context);
        var now = time.GetUtcNow();
        var state = await dispositions.MarkHitActionableAsync(id, actor.UserName, now, cancellationToken);
        var outcome = state switch
        {
            null => "not-found",
            HitDisposition.Confirmed => "ok",
            _ => "refused",
        };
        await AuditAsync(context, audit, "hit.actionable", outcome, id, state is null ? null : $"disposition={state}", cancellationToken);
        return state switch
        {
            null => TypedResults.NotFound(),
            HitDisposition.Confirmed => TypedResults.Json(new HitActionable(id, actor.UserName, now), BridgeJson.Default.HitActionable),
            _ => TypedResults.Problem(
                detail: $"the hit is {state}: only a hit confirmed through CLETS may be acted on; verify it first",
                statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<MisreadWeek>>, ProblemHttpResult>> MisreadsAsync(
        string? from, string? to, IHitDispositionStore dispositions, TimeProvider time, CancellationToken cancellationToken)
    {
        var criteria = new SearchCriteria(null, from, to, null, null, null, null, null, null, null);
        if (!criteria.TryQuery(out var window, out _, out _, out var error))
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var until = window!.To ?? time.GetUtcNow();
        var since = window.From ?? until.AddDays(-56);
        return TypedResults.Json(
            await dispositions.GetMisreadsPerDeviceWeekAsync(since, until, cancellationToken),
            BridgeJson.Default.IReadOnlyListMisreadWeek);
    }

    /// <summary>Checks a disposition request; false with a one-line reason.</summary>
    internal static bool TryRecord(Guid hitId, DispositionRequest? body, RequestActor actor, DateTimeOffset at, out HitDispositionRecord? record, out string? error)
    {
        record = null;
        var allowed = string.Join(", ", Enum.GetNames<HitDisposition>().Where(n => n != nameof(HitDisposition.Unverified)));
        if (body?.Disposition is not { } text
            || !Enum.TryParse<HitDisposition>(text.Trim(), ignoreCase: true, out var disposition)
            || !Enum.GetNames<HitDisposition>().Contains(text.Trim(), StringComparer.OrdinalIgnoreCase)
            || disposition == HitDisposition.Unverified)
        {
            error = $"disposition: must be one of {allowed}";
            return false;
        }

        var corrected = string.IsNullOrWhiteSpace(body.CorrectedPlate) ? null : body.CorrectedPlate.Trim().ToUpperInvariant();
        if (disposition == HitDisposition.Misread && corrected is null)
        {
            error = "correctedPlate: a Misread needs the plate's real text";
            return false;
        }

        if (corrected is not null && !PlateText().IsMatch(corrected))
        {
            error = "correctedPlate: 1-16 letters A-Z and digits";
            return false;
        }

        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            error = $"note: at most {MaxNoteLength} characters";
            return false;
        }

        record = new HitDispositionRecord(hitId, disposition, corrected, note, actor.UserName, actor.Agency, at);
        error = null;
        return true;
    }

    private static Task AuditAsync(HttpContext context, IAuditTrail audit, string action, string outcome, Guid hitId, string? detail, CancellationToken cancellationToken)
    {
        var actor = RequestActor.Of(context);
        var purpose = PurposeRequired.Of(context);
        return audit.AppendAsync(
            actor.Event(action, outcome, purpose, $"hit:{hitId}", detail),
            cancellationToken);
    }

    [GeneratedRegex("^[A-Z0-9]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlateText();
}
