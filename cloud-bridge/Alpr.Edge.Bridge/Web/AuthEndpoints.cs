using System.Security.Claims;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Access.Sessions;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Sign-in (password, then the authenticator's code, or enrolment of one), sign-out, <c>me</c>, the password change that
/// ends a one-time password, and the anti-forgery token, under <c>/api/auth</c>.
/// </summary>
public static class AuthEndpoints
{
    /// <summary>Maps the <c>/api/auth</c> endpoints onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/auth/antiforgery", Antiforgery).WithTags("auth");
        api.MapPost("/auth/sign-in", SignInAsync).WithTags("auth");
        api.MapPost("/auth/code", CodeAsync).WithTags("auth");
        api.MapPost("/auth/sign-out", SignOutAsync).WithTags("auth");
        api.MapGet("/auth/me", MeAsync).WithTags("auth");
        api.MapPost("/auth/password", ChangePasswordAsync).WithTags("auth");
        return api;
    }

    private static JsonHttpResult<AntiforgeryToken> Antiforgery(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Json(new AntiforgeryToken(antiforgery.GetAndStoreTokens(context).RequestToken!, SessionSchemes.AntiforgeryHeader), BridgeJson.Default.AntiforgeryToken);

    private static async Task<Results<JsonHttpResult<SignInProgress>, ProblemHttpResult>> SignInAsync(
        SignInRequest body, HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var step = await accounts.CheckPasswordAsync(body.UserName ?? string.Empty, body.Password ?? string.Empty, Remote(context), cancellationToken);
        if (step.Outcome is not (SignInOutcome.NeedsCode or SignInOutcome.NeedsEnrolment) || step.User is not { } user)
        {
            return Refused(step.Outcome);
        }

        var pending = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(AccessClaims.UserId, user.Id.ToString()), new Claim(AccessClaims.SecurityStamp, user.SecurityStamp)], SessionSchemes.Pending));
        await context.SignInAsync(SessionSchemes.Pending, pending);
        return TypedResults.Json(
            step.Outcome == SignInOutcome.NeedsCode ? new SignInProgress("code", null) : new SignInProgress("enrol", step.OtpAuthUri),
            BridgeJson.Default.SignInProgress);
    }

    private static async Task<Results<JsonHttpResult<MeResponse>, ProblemHttpResult>> CodeAsync(
        CodeRequest body, HttpContext context, AccountService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var pending = await context.AuthenticateAsync(SessionSchemes.Pending);
        if (pending.Principal is not { } principal || BridgePrincipals.UserIdOf(principal) is not { } userId)
        {
            return TypedResults.Problem(detail: "sign in with your password first (POST /api/auth/sign-in); the code step waits five minutes", statusCode: StatusCodes.Status401Unauthorized);
        }

        var step = await accounts.CheckCodeAsync(
            userId, principal.FindFirstValue(AccessClaims.SecurityStamp) ?? string.Empty, body.Code ?? string.Empty, Remote(context), cancellationToken);
        if (step.Outcome != SignInOutcome.SignedIn || step.User is not { } user)
        {
            return Refused(step.Outcome);
        }

        await context.SignOutAsync(SessionSchemes.Pending);
        var now = time.GetUtcNow();
        var session = BridgePrincipals.Create(user, SessionSchemes.Session, user.Roles, now, now);
        await context.SignInAsync(SessionSchemes.Session, session);
        return TypedResults.Json(Me(session, user, now), BridgeJson.Default.MeResponse);
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var accessor = Accessor.From(context.User);
        await context.SignOutAsync(SessionSchemes.Session);
        await accounts.AuditAsync(new AuditActor(accessor?.UserName ?? "anonymous", accessor?.Agency, Remote(context)), "auth.sign-out", "ok", accessor?.UserName, null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<JsonHttpResult<MeResponse>, ProblemHttpResult>> MeAsync(
        HttpContext context, IAccountStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (BridgePrincipals.UserIdOf(context.User) is not { } id || await store.FindUserByIdAsync(id, cancellationToken) is not { } account)
        {
            return TypedResults.Problem(detail: "sign in first", statusCode: StatusCodes.Status401Unauthorized);
        }

        return TypedResults.Json(Me(context.User, BridgeUser.From(account), time.GetUtcNow()), BridgeJson.Default.MeResponse);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest body, HttpContext context, AccountService accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var accessor = Accessor.From(context.User);
        if (accessor is null || accessor.IsApiToken || BridgePrincipals.UserIdOf(context.User) is not { } id)
        {
            return TypedResults.Problem(detail: "a password is changed in a signed-in session, not with an API token", statusCode: StatusCodes.Status403Forbidden);
        }

        var change = await accounts.ChangePasswordAsync(id, body.CurrentPassword ?? string.Empty, body.NewPassword ?? string.Empty, Remote(context), cancellationToken);
        if (change.User is not { } user)
        {
            return TypedResults.Problem(detail: change.Error, statusCode: StatusCodes.Status400BadRequest);
        }

        // The new security stamp ends the old session; this one continues with the stamp, from the same sign-in time.
        var signedInAt = BridgePrincipals.SignedInAt(context.User) ?? time.GetUtcNow();
        await context.SignInAsync(SessionSchemes.Session, BridgePrincipals.Create(user, SessionSchemes.Session, user.Roles, signedInAt, time.GetUtcNow()));
        return TypedResults.NoContent();
    }

    private static MeResponse Me(ClaimsPrincipal principal, BridgeUser user, DateTimeOffset now)
    {
        var accessor = Accessor.From(principal)!;
        var training = TrainingState.Of(user, now);
        return new MeResponse(
            user.UserName,
            user.Agency,
            [.. accessor.Roles.Order().Select(r => r.ToString())],
            training.Current,
            training.Course,
            training.ExpiresAt,
            user.CletsAuthorized,
            accessor.IsApiToken,
            principal.FindFirstValue(AccessClaims.DataRefusal));
    }

    private static ProblemHttpResult Refused(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => TypedResults.Problem(
            detail: "sign-in is locked for 10 minutes after 5 failed attempts", statusCode: StatusCodes.Status423Locked),
        SignInOutcome.Replayed => TypedResults.Problem(
            detail: "that code was already used; wait for the authenticator's next code", statusCode: StatusCodes.Status401Unauthorized),
        _ => TypedResults.Problem(detail: "wrong user name, password or code", statusCode: StatusCodes.Status401Unauthorized),
    };

    private static string? Remote(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
