using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Access.Sessions;
using Alpr.Edge.Bridge.Access.Tokens;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alpr.Edge.Bridge.Access;

/// <summary>Composition of the access area: Identity over the account store, accounts, tokens, and the web's schemes.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Failed attempts (passwords or codes) before sign-in is locked.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long sign-in stays locked.</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// ASP.NET Core Identity (framework hasher, lockout after 5 failures for 10 minutes, TOTP authenticator; no EF Core) over the
    /// <see cref="Storage.IAccountStore"/> already registered, the <see cref="AccountService"/> and the <see cref="ApiTokenService"/>.
    /// Needs an <see cref="Audit.Trail.IAuditTrail"/> and a <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection AddBridgeAccounts(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddIdentityCore<BridgeUser>(options =>
            {
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddUserStore<BridgeUserStore>()
            .AddPasswordValidator<BannedPasswordValidator>()
            .AddTokenProvider<AuthenticatorTokenProvider<BridgeUser>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<AccountService>();
        services.AddScoped<ApiTokenService>();
        return services;
    }

    /// <summary>
    /// The web's authentication: the session cookie (Secure, HttpOnly, SameSite=Strict, 30 minutes idle, 12 hours at most),
    /// the pending-code cookie, API tokens, and the policy scheme that picks one; anti-forgery with a header token.
    /// </summary>
    public static IServiceCollection AddBridgeSessions(this IServiceCollection services)
    {
        services.AddAuthentication(SessionSchemes.Default)
            .AddPolicyScheme(SessionSchemes.Default, "session or API token", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith(ApiTokenAuthenticationHandler.Bearer, StringComparison.OrdinalIgnoreCase)
                    ? SessionSchemes.Token
                    : SessionSchemes.Session)
            .AddCookie(SessionSchemes.Session, cookie =>
            {
                Harden(cookie, SessionSchemes.Session);
                cookie.ExpireTimeSpan = SessionSchemes.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            })
            .AddCookie(SessionSchemes.Pending, cookie =>
            {
                Harden(cookie, SessionSchemes.Pending);
                cookie.ExpireTimeSpan = SessionSchemes.PendingTimeout;
                cookie.SlidingExpiration = false;
            })
            .AddScheme<ApiTokenAuthenticationOptions, ApiTokenAuthenticationHandler>(SessionSchemes.Token, null);
        foreach (var scheme in new[] { SessionSchemes.Session, SessionSchemes.Pending })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<TimeProvider>((cookie, time) => cookie.TimeProvider = time);
        }

        services.AddOptions<ApiTokenAuthenticationOptions>(SessionSchemes.Token).Configure<TimeProvider>((token, time) => token.TimeProvider = time);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = SessionSchemes.AntiforgeryHeader;
            antiforgery.Cookie.Name = "alpr.af";
            antiforgery.Cookie.HttpOnly = true;
            // The framework refuses an Always-secure anti-forgery cookie on plain http (loopback); over TLS it is Secure.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    private static void Harden(CookieAuthenticationOptions cookie, string name)
    {
        cookie.Cookie.Name = name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.IsEssential = true;
        // The API answers 401 and 403 itself (AccessGate); the handler must not redirect to a login page.
        cookie.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
