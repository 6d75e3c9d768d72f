using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Access.Tokens;

/// <summary><c>Authorization: Bearer alpr_…</c>: authenticates a request by its API token.</summary>
public sealed class ApiTokenAuthenticationHandler : AuthenticationHandler<ApiTokenAuthenticationOptions>
{
    /// <summary>The header's scheme word.</summary>
    public const string Bearer = "Bearer ";

    /// <summary>Creates the handler.</summary>
    public ApiTokenAuthenticationHandler(IOptionsMonitor<ApiTokenAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var tokens = Context.RequestServices.GetRequiredService<ApiTokenService>();
        var (principal, failure) = await tokens.AuthenticateAsync(header[Bearer.Length..].Trim(), Scheme.Name, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail(failure ?? "refused")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
