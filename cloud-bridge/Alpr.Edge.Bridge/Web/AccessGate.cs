using System.Security.Claims;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Access.Sessions;
using Alpr.Edge.Bridge.Access.Tokens;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Authorization of every endpoint from <see cref="EndpointAccess"/>: 401 without a session or valid token, 403 without
/// a role the endpoint allows, from a partner agency (outside the shared endpoints), without current training or with a one-time password to change (each with a message
/// saying why), and anti-forgery on every state-changing request that does not carry an API token. An endpoint the
/// table lacks is refused to everyone. Each refusal is appended to the audit trail.
/// </summary>
public sealed class AccessGate
{
    private readonly RequestDelegate _next;
    private readonly IAntiforgery _antiforgery;
    private readonly IAuditTrail _audit;
    private readonly ILogger<AccessGate> _logger;
    private readonly IOptions<BridgeOptions> _options;

    /// <summary>Creates the gate.</summary>
    public AccessGate(RequestDelegate next, IAntiforgery antiforgery, IAuditTrail audit, IOptions<BridgeOptions> options, ILogger<AccessGate> logger)
    {
        _options = options;
        _next = next;
        _antiforgery = antiforgery;
        _audit = audit;
        _logger = logger;
    }

    /// <summary>Lets the request through, or refuses it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await _next(context);
            return;
        }

        var rule = EndpointAccess.Find(context.Request.Method, endpoint.RoutePattern.RawText);
        var accessor = Accessor.From(context.User);
        if (rule is null)
        {
            await RefuseAsync(context, accessor, StatusCodes.Status403Forbidden, "this endpoint is not in the bridge's access table");
            return;
        }

        if (rule.Kind != EndpointAccessKind.Anonymous && accessor is null)
        {
            // The handler keeps its result for the request, so this asks the store nothing new; a failure says why (expired, revoked...).
            var failure = (await context.AuthenticateAsync()).Failure?.Message;
            await RefuseAsync(context, null, StatusCodes.Status401Unauthorized,
                failure ?? "sign in first (POST /api/auth/sign-in), or send an API token (Authorization: Bearer)");
            return;
        }

        if (IsStateChanging(context.Request.Method) && !HasBearer(context.Request) && !await _antiforgery.IsRequestValidAsync(context))
        {
            await RefuseAsync(context, accessor, StatusCodes.Status403Forbidden,
                $"anti-forgery token missing or invalid: GET /api/auth/antiforgery and send its token in the {SessionSchemes.AntiforgeryHeader} header");
            return;
        }

        if (rule.Kind == EndpointAccessKind.Data)
        {
            if (context.User.FindFirstValue(AccessClaims.DataRefusal) is { } refusal)
            {
                await RefuseAsync(context, accessor, StatusCodes.Status403Forbidden, refusal);
                return;
            }

            if (!accessor!.TrainingCurrent)
            {
                await RefuseAsync(context, accessor, StatusCodes.Status403Forbidden, "your ALPR training is not current: data functions are refused");
                return;
            }

            if (!rule.Partners && !string.Equals(accessor.Agency, _options.Value.AgencyOri, StringComparison.Ordinal))
            {
                await RefuseAsync(context, accessor, StatusCodes.Status403Forbidden,
                    $"agency {accessor.Agency} is a partner: it sees only what was shared with it (/api/shared/reads, /api/shared/hits)");
                return;
            }

            if (!rule.Allows(accessor))
            {
                await RefuseAsync(context, accessor, StatusCodes.Status403Forbidden,
                    $"this needs the role {string.Join(" or ", rule.Roles.Order())}; {(accessor.IsApiToken ? "this token has" : "you hold")} {(accessor.Roles.Count == 0 ? "none" : string.Join(", ", accessor.Roles.Order()))}");
                return;
            }
        }

        await _next(context);
    }

    private static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(ApiTokenAuthenticationHandler.Bearer, StringComparison.OrdinalIgnoreCase);

    private async Task RefuseAsync(HttpContext context, Accessor? accessor, int status, string reason)
    {
        var request = context.Request;
        try
        {
            await _audit.AppendAsync(
                new AuditEvent(
                    accessor?.UserName ?? "anonymous",
                    accessor?.Agency,
                    context.Connection.RemoteIpAddress?.ToString(),
                    "access.refused",
                    status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Target: $"{request.Method} {request.Path.Value}",
                    Detail: reason),
                context.RequestAborted);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            WebLog.RefusalNotAudited(_logger, ex, request.Method, request.Path.Value ?? string.Empty);
        }

        await TypedResults.Problem(detail: reason, statusCode: status).ExecuteAsync(context);
    }
}
