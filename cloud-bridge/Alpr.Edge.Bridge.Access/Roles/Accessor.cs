using System.Security.Claims;

namespace Alpr.Edge.Bridge.Access.Roles;

/// <summary>Who is asking: the signed-in user or API token behind a request, as the gates and the audit trail see it.</summary>
/// <param name="UserName">The user's (or integration's) name, as recorded in the audit trail.</param>
/// <param name="Agency">The agency's ORI.</param>
/// <param name="Roles">The roles held.</param>
/// <param name="TrainingCurrent">Whether the user's training is current; without it no data function works.</param>
/// <param name="CletsAuthorized">Whether CLETS-derived hot-list details may be shown.</param>
/// <param name="IsApiToken">Whether the request came with an API token rather than a session.</param>
public sealed record Accessor(
    string UserName,
    string Agency,
    IReadOnlySet<BridgeRole> Roles,
    bool TrainingCurrent,
    bool CletsAuthorized,
    bool IsApiToken)
{
    /// <summary>Whether the accessor holds <paramref name="role"/>.</summary>
    public bool Has(BridgeRole role) => Roles.Contains(role);

    /// <summary>The accessor a principal's claims describe, or null when it is not signed in.</summary>
    public static Accessor? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity || string.IsNullOrEmpty(identity.Name))
        {
            return null;
        }

        var roles = new HashSet<BridgeRole>();
        foreach (var claim in principal.FindAll(ClaimTypes.Role))
        {
            if (Enum.TryParse<BridgeRole>(claim.Value, ignoreCase: false, out var role))
            {
                roles.Add(role);
            }
        }

        return new Accessor(
            identity.Name,
            principal.FindFirstValue(AccessClaims.Agency) ?? string.Empty,
            roles,
            IsTrue(principal, AccessClaims.TrainingCurrent),
            IsTrue(principal, AccessClaims.CletsAuthorized),
            IsTrue(principal, AccessClaims.ApiToken));
    }

    private static bool IsTrue(ClaimsPrincipal principal, string type) =>
        string.Equals(principal.FindFirstValue(type), "true", StringComparison.Ordinal);
}
