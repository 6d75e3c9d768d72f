using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Audit.Trail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Appends an entry to the audit trail (<see cref="IAuditTrail"/>) for every <c>/api</c> request before it is served,
/// and refuses the request (503) when the entry cannot be appended: action <c>api.{METHOD}</c>, target the path and
/// query, the signed-in user (<see cref="Accessor"/>; <see cref="Anonymous"/> when none) and agency, the remote
/// address, and the purpose from the <c>X-Purpose</c> header or the <c>purpose</c> query parameter, outcome
/// <see cref="Requested"/>. A request then refused (401 or 403) gets a second entry, outcome <see cref="Refused"/>.
/// </summary>
public sealed class AccessAuditMiddleware
{
    /// <summary>The user commands record until sign-in exists (devices' commands' <c>requestedBy</c>).</summary>
    public const string LocalUser = "local-unauthenticated";

    /// <summary>The user recorded for a request nobody is signed in to.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Outcome of the entry written before a request is served.</summary>
    public const string Requested = "requested";

    /// <summary>Outcome of the entry written when the request was refused (401 or 403).</summary>
    public const string Refused = "refused";

    /// <summary>Header that states the purpose of an access.</summary>
    public const string PurposeHeader = "X-Purpose";

    /// <summary>Longest purpose kept, in characters.</summary>
    public const int MaxPurposeLength = 500;

    private readonly RequestDelegate _next;
    private readonly IAuditTrail _trail;
    private readonly ILogger<AccessAuditMiddleware> _logger;

    /// <summary>Creates the middleware.</summary>
    public AccessAuditMiddleware(RequestDelegate next, IAuditTrail trail, ILogger<AccessAuditMiddleware> logger)
    {
        _next = next;
        _trail = trail;
        _logger = logger;
    }

    /// <summary>Audits <c>/api</c> requests, then passes every request on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api"))
        {
            await _next(context);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        var accessor = Accessor.From(context.User);
        var entry = new AuditEvent(
            accessor?.UserName ?? Anonymous,
            string.IsNullOrEmpty(accessor?.Agency) ? null : accessor.Agency,
            context.Connection.RemoteIpAddress?.ToString(),
            "api." + request.Method,
            Requested,
            PurposeOf(request),
            CaseOf(request),
            Target: request.Path.Value + request.QueryString.Value);
        try
        {
            await _trail.AppendAsync(entry, context.RequestAborted);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            WebLog.AuditFailed(_logger, ex, request.Method, request.Path.Value ?? string.Empty);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("access audit unavailable: access refused", context.RequestAborted);
            return;
        }

        await _next(context);
        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            var after = Accessor.From(context.User);
            try
            {
                await _trail.AppendAsync(
                    entry with { User = after?.UserName ?? entry.User, Agency = string.IsNullOrEmpty(after?.Agency) ? entry.Agency : after.Agency, Outcome = Refused, Detail = $"status {context.Response.StatusCode}" },
                    context.RequestAborted);
            }
            catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
            {
                WebLog.AuditFailed(_logger, ex, request.Method, request.Path.Value ?? string.Empty);
            }
        }
    }

    /// <summary>The stated purpose of a request (header, then query), trimmed and shortened; null when none.</summary>
    public static string? PurposeOf(HttpRequest request) => Stated(request, PurposeHeader, "purpose", MaxPurposeLength);

    /// <summary>The stated case or incident number (<c>X-Case</c> header, then <c>case</c>), trimmed and shortened; null when none.</summary>
    public static string? CaseOf(HttpRequest request) => Stated(request, PurposeRequired.CaseHeader, "case", MaxPurposeLength);

    private static string? Stated(HttpRequest request, string header, string parameter, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? text = request.Headers[header];
        if (string.IsNullOrWhiteSpace(text))
        {
            text = request.Query[parameter];
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= maxLength ? text : text[..maxLength];
    }
}
