using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Bridge.Access.Sessions;

/// <summary>
/// Checks a session cookie on every request: it ends 12 hours after sign-in (the idle limit is the cookie's sliding
/// expiry), when the account is disabled or gone, or when its security stamp changed; otherwise its claims are refreshed
/// from the account (roles, training, CLETS) without extending it.
/// </summary>
public static class SessionValidator
{
    /// <summary>The cookie scheme's <c>OnValidatePrincipal</c>.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var principal = context.Principal;
        var signedInAt = principal is null ? null : BridgePrincipals.SignedInAt(principal);
        var userId = principal is null ? null : BridgePrincipals.UserIdOf(principal);
        if (signedInAt is null || userId is null || now - signedInAt.Value >= SessionSchemes.AbsoluteLimit)
        {
            await RejectAsync(context);
            return;
        }

        var accounts = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
        var account = await accounts.FindUserByIdAsync(userId.Value, context.HttpContext.RequestAborted);
        var stamp = principal!.FindFirst(Roles.AccessClaims.SecurityStamp)?.Value;
        if (account is null || account.Disabled || !string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            await RejectAsync(context);
            return;
        }

        var user = BridgeUser.From(account);
        context.ReplacePrincipal(BridgePrincipals.Create(user, context.Scheme.Name, user.Roles, signedInAt.Value, now));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
