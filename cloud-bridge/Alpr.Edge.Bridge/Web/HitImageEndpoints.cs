using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// A hit's images, each at its own URL (<c>/api/hits/{id}/images/plate-crop|overview</c>) instead of inline in lists.
/// Opening one needs a purpose and is audited as a view of the image.
/// </summary>
public static class HitImageEndpoints
{
    /// <summary>The plate crop's name in the URL.</summary>
    public const string PlateCrop = "plate-crop";

    /// <summary>The overview's name in the URL.</summary>
    public const string Overview = "overview";

    /// <summary>Maps <c>/api/hits/{id}/images/{kind}</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapHitImageEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/hits/{id:guid}/images/{kind}", GetAsync).RequirePurpose().WithSummary("A hit's plate crop or overview image (JPEG)").WithTags("hits");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(
        Guid id, string kind, HttpContext context, ICentralStore store, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var hit = await store.GetHitAsync(id, cancellationToken);
        var image = kind switch
        {
            PlateCrop => hit?.Hit.PlateCropJpeg,
            Overview => hit?.Hit.OverviewJpeg,
            _ => null,
        };
        var actor = RequestActor.Of(context);
        var purpose = PurposeRequired.Of(context);
        await audit.AppendAsync(
            actor.Event("image.view", image is { Length: > 0 } ? "ok" : "not-found", purpose, $"hit:{id}/{(kind is PlateCrop or Overview ? kind : "?")}"),
            cancellationToken);
        return image is { Length: > 0 } bytes
            ? TypedResults.File(bytes.ToArray(), "image/jpeg")
            : TypedResults.NotFound();
    }
}
