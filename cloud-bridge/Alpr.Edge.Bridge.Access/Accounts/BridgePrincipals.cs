using System.Globalization;
using System.Security.Claims;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Access.Roles;

namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>The claims principal of a signed-in user or of an API token acting for one (what <see cref="Accessor.From"/> reads).</summary>
public static class BridgePrincipals
{
    /// <summary>
    /// The principal of <paramref name="user"/> for scheme <paramref name="authenticationType"/>, holding
    /// <paramref name="roles"/> (the user's roles, or a token's scopes within them), signed in at <paramref name="signedInAt"/>.
    /// </summary>
    public static ClaimsPrincipal Create(
        BridgeUser user, string authenticationType, IEnumerable<string> roles, DateTimeOffset signedInAt, DateTimeOffset now, Guid? tokenId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var training = TrainingState.Of(user, now);
        var claims = new List<Claim>
        {
            new(AccessClaims.UserId, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(AccessClaims.Agency, user.Agency),
            new(AccessClaims.TrainingCurrent, training.Current ? "true" : "false"),
            new(AccessClaims.CletsAuthorized, user.CletsAuthorized ? "true" : "false"),
            new(AccessClaims.SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new(AccessClaims.SecurityStamp, user.SecurityStamp),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (tokenId is { } id)
        {
            claims.Add(new Claim(AccessClaims.ApiToken, "true"));
            claims.Add(new Claim(AccessClaims.TokenId, id.ToString()));
        }

        var refusal = user.MustChangePassword
            ? "your password is a one-time password: change it first (POST /api/auth/password)"
            : training.Reason;
        if (refusal is not null)
        {
            claims.Add(new Claim(AccessClaims.DataRefusal, refusal));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>When <paramref name="principal"/> signed in, or null when it does not say.</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(AccessClaims.SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The account id <paramref name="principal"/> names, or null.</summary>
    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(AccessClaims.UserId), out var id) ? id : null;
}
