using Alpr.Edge.Bridge.Access.Purposes;
using Alpr.Edge.Bridge.Audit.Trail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Purpose-bound access: an endpoint marked with <see cref="RequirePurpose{TBuilder}"/> serves a request only when it
/// states a configured purpose (<c>X-Purpose</c> header or <c>purpose</c> parameter) and, where that purpose calls for
/// one, a case or incident number (<c>X-Case</c> header or <c>case</c> parameter). Otherwise it answers 400 with the
/// reason, and the refusal is audited. The handler finds the checked purpose with <see cref="Of"/>.
/// </summary>
public static class PurposeRequired
{
    /// <summary>Header that names the case or incident number.</summary>
    public const string CaseHeader = "X-Case";

    /// <summary>Header that states the purpose.</summary>
    public const string PurposeHeader = "X-Purpose";

    /// <summary>Marks the endpoints of <paramref name="builder"/> as needing a stated purpose.</summary>
    public static TBuilder RequirePurpose<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new PurposeRequiredMetadata());
        builder.AddEndpointFilter(CheckAsync);
        return builder;
    }

    /// <summary>The purpose the current request stated and passed (set by the filter).</summary>
    public static StatedPurpose Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[typeof(StatedPurpose)] as StatedPurpose
            ?? throw new InvalidOperationException("the endpoint is not marked RequirePurpose()");
    }

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var catalog = context.RequestServices.GetRequiredService<PurposeCatalog>();
        var purpose = AccessAuditMiddleware.PurposeOf(context.Request);
        var caseNumber = AccessAuditMiddleware.CaseOf(context.Request);
        if (catalog.TryResolve(purpose, caseNumber, out var stated, out var error))
        {
            context.Items[typeof(StatedPurpose)] = stated;
            return await next(invocation);
        }

        var actor = RequestActor.Of(context);
        await context.RequestServices.GetRequiredService<IAuditTrail>().AppendAsync(
            actor.Event("access.refused", "refused", target: context.Request.Path.Value, detail: error) with { Purpose = Clip(purpose), CaseNumber = Clip(caseNumber) },
            context.RequestAborted);
        return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest, title: "purpose required");
    }

    private static string? Clip(string? text) => text is { Length: > 100 } ? text[..100] : text;
}

/// <summary>Endpoint metadata: the endpoint serves plate data and needs a stated purpose.</summary>
public sealed class PurposeRequiredMetadata;
