using System.Globalization;
using System.Text.RegularExpressions;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Sharing only with authorised agencies: partner agencies are registered and verified by an administrator; a share of
/// selected reads and hits records what, to whom, why, by whom and when, and gives that agency's users access to those
/// items only (<c>/api/shared/...</c>). Every step is audited.
/// </summary>
public static partial class SharingEndpoints
{
    /// <summary>Most reads and hits one share may carry.</summary>
    public const int MaxItems = 500;

    /// <summary>Maps <c>/api/agencies</c>, <c>/api/shares</c> and <c>/api/shared/reads|hits</c>.</summary>
    public static RouteGroupBuilder MapSharingEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/agencies", ListPartnersAsync).WithSummary("Partner agencies and whether each is verified").WithTags("sharing");
        api.MapPost("/agencies", RegisterAsync).WithSummary("Register a partner agency (unverified)").WithTags("sharing");
        api.MapPost("/agencies/{ori}/verify", VerifyAsync).WithSummary("Verify a partner agency, so it may be shared with").WithTags("sharing");
        api.MapGet("/shares", ListSharesAsync).WithSummary("Shares, newest first (?ori= for one agency)").WithTags("sharing");
        api.MapPost("/shares", ShareAsync).RequirePurpose().WithSummary("Share reads and hits with a verified partner agency").WithTags("sharing");
        api.MapGet("/shared/reads", SharedReadsAsync).RequirePurpose().WithSummary("Reads shared with the caller's agency").WithTags("sharing");
        api.MapGet("/shared/hits", SharedHitsAsync).RequirePurpose().WithSummary("Hits shared with the caller's agency").WithTags("sharing");
        return api;
    }

    private static async Task<JsonHttpResult<IReadOnlyList<PartnerAgency>>> ListPartnersAsync(ISharingStore sharing, CancellationToken cancellationToken) =>
        TypedResults.Json(await sharing.GetPartnersAsync(cancellationToken), BridgeJson.Default.IReadOnlyListPartnerAgency);

    private static async Task<Results<Created<PartnerAgency>, ProblemHttpResult>> RegisterAsync(
        PartnerRequest body, HttpContext context, ISharingStore sharing, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var ori = body.Ori?.Trim().ToUpperInvariant();
        var error = ori is null || !OriPattern().IsMatch(ori) ? "ori: 9 letters and digits, e.g. CA0349999"
            : !IngestValueChecks.IsBoundedText(body.Name, 200) ? "name: 1 to 200 printable characters"
            : !IngestValueChecks.IsBoundedText(body.Contact, 500) ? "contact: 1 to 500 printable characters"
            : null;
        if (error is not null)
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var actor = RequestActor.Of(context);
        var partner = new PartnerAgency(ori!, body.Name!.Trim(), body.Contact!.Trim(), actor.UserName, time.GetUtcNow(), null, null);
        var added = await sharing.AddPartnerAsync(partner, cancellationToken);
        await audit.AppendAsync(actor.Event("agency.register", added ? "ok" : "refused", target: $"agency:{ori}", detail: partner.Name), cancellationToken);
        return added
            ? TypedResults.Created($"/api/agencies/{ori}", partner)
            : TypedResults.Problem(detail: $"agency {ori} is already registered", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<NoContent, NotFound>> VerifyAsync(
        string ori, HttpContext context, ISharingStore sharing, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var actor = RequestActor.Of(context);
        var key = ori.Trim().ToUpperInvariant();
        var verified = await sharing.VerifyPartnerAsync(key, actor.UserName, time.GetUtcNow(), cancellationToken);
        await audit.AppendAsync(actor.Event("agency.verify", verified ? "ok" : "not-found", target: $"agency:{Clip(key)}"), cancellationToken);
        return verified ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<JsonHttpResult<IReadOnlyList<Share>>> ListSharesAsync(string? ori, ISharingStore sharing, CancellationToken cancellationToken) =>
        TypedResults.Json(await sharing.GetSharesAsync(string.IsNullOrWhiteSpace(ori) ? null : ori.Trim().ToUpperInvariant(), cancellationToken), BridgeJson.Default.IReadOnlyListShare);

    private static async Task<Results<Created<Share>, ProblemHttpResult>> ShareAsync(
        ShareRequest body, HttpContext context, ICentralStore store, ISharingStore sharing, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var reads = body.ReadIds?.Distinct().ToList() ?? [];
        var hits = body.HitIds?.Distinct().ToList() ?? [];
        var ori = body.Ori?.Trim().ToUpperInvariant() ?? string.Empty;
        var partner = (await sharing.GetPartnersAsync(cancellationToken)).FirstOrDefault(p => p.Ori == ori);
        var error = partner is null ? $"ori: '{Clip(ori)}' is not a registered partner agency"
            : !partner.IsVerified ? $"agency {ori} is not verified; an administrator verifies it first (POST /api/agencies/{ori}/verify)"
            : reads.Count + hits.Count == 0 ? "readIds and hitIds: name at least one read or hit"
            : reads.Count + hits.Count > MaxItems ? $"readIds and hitIds: at most {MaxItems} items per share"
            : !IngestValueChecks.IsBoundedText(body.Reason, 500) ? "reason: why the records are shared, 1 to 500 printable characters"
            : null;
        foreach (var id in reads)
        {
            error ??= await store.GetReadAsync(id, cancellationToken) is null ? $"readIds: no read {id}" : null;
        }

        foreach (var id in hits)
        {
            error ??= await store.GetHitAsync(id, cancellationToken) is null ? $"hitIds: no hit {id}" : null;
        }

        var actor = RequestActor.Of(context);
        var purpose = PurposeRequired.Of(context);
        if (error is not null)
        {
            await audit.AppendAsync(actor.Event("share.create", "refused", purpose, $"agency:{Clip(ori)}", error), cancellationToken);
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var share = new Share(Guid.NewGuid(), ori, ShareMode.Access, reads, hits, body.Reason!.Trim(), purpose.CaseNumber, actor.UserName, time.GetUtcNow());
        await audit.AppendAsync(
            actor.Event("share.create", "ok", purpose, $"agency:{ori}", string.Create(CultureInfo.InvariantCulture, $"share={share.Id} reads={reads.Count} hits={hits.Count} reason={share.Reason}")),
            cancellationToken);
        await sharing.AddShareAsync(share, cancellationToken);
        return TypedResults.Created($"/api/shares?ori={ori}", share);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<StoredRead>>> SharedReadsAsync(HttpContext context, ISharingStore sharing, CancellationToken cancellationToken) =>
        TypedResults.Json(await sharing.GetSharedReadsAsync(Accessor.From(context.User)?.Agency ?? string.Empty, BridgeEndpoints.MaxLimit, cancellationToken), BridgeJson.Default.IReadOnlyListStoredRead);

    private static async Task<JsonHttpResult<IReadOnlyList<HitView>>> SharedHitsAsync(HttpContext context, ISharingStore sharing, HitViews views, CancellationToken cancellationToken)
    {
        var accessor = Accessor.From(context.User);
        var hits = await sharing.GetSharedHitsAsync(accessor?.Agency ?? string.Empty, BridgeEndpoints.MaxLimit, cancellationToken);
        return TypedResults.Json(await views.ForAsync(hits, accessor, cancellationToken), BridgeJson.Default.IReadOnlyListHitView);
    }

    internal static string Clip(string text) => text.Length <= 40 ? text : text[..40];

    [GeneratedRegex("^[A-Z0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex OriPattern();
}
