using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Writes an <c>access_audit</c> row for every <c>/api</c> request before it is served, and refuses the
/// request (503) when the row cannot be written. Until access control lands the user is always
/// <see cref="LocalUser"/>; the purpose comes from the <c>X-Purpose</c> header or the <c>purpose</c> query parameter.
/// </summary>
public sealed class AccessAuditMiddleware
{
    /// <summary>The user recorded until login exists.</summary>
    public const string LocalUser = "local-unauthenticated";

    /// <summary>Header that states the purpose of an access.</summary>
    public const string PurposeHeader = "X-Purpose";

    /// <summary>Longest purpose kept, in characters.</summary>
    public const int MaxPurposeLength = 500;

    private readonly RequestDelegate _next;
    private readonly ICentralStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<AccessAuditMiddleware> _logger;

    /// <summary>Creates the middleware.</summary>
    public AccessAuditMiddleware(RequestDelegate next, ICentralStore store, TimeProvider time, ILogger<AccessAuditMiddleware> logger)
    {
        _next = next;
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>Audits <c>/api</c> requests, then passes every request on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api"))
        {
            context.Response.Headers.CacheControl = "no-store";
            var path = request.Path.Value + request.QueryString.Value;
            var entry = new AccessAuditEntry(
                _time.GetUtcNow(),
                LocalUser,
                context.Connection.RemoteIpAddress?.ToString(),
                request.Method,
                path,
                PurposeOf(request));
            try
            {
                await _store.AddAccessAuditAsync(entry, context.RequestAborted);
            }
            catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
            {
                WebLog.AuditFailed(_logger, ex, request.Method, request.Path.Value ?? string.Empty);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("access audit unavailable: access refused", context.RequestAborted);
                return;
            }
        }

        await _next(context);
    }

    /// <summary>The stated purpose of a request (header, then query), trimmed and shortened; null when none.</summary>
    public static string? PurposeOf(HttpRequest request)
    {
        string? purpose = request.Headers[PurposeHeader];
        if (string.IsNullOrWhiteSpace(purpose))
        {
            purpose = request.Query["purpose"];
        }

        purpose = purpose?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            return null;
        }

        return purpose.Length <= MaxPurposeLength ? purpose : purpose[..MaxPurposeLength];
    }
}
