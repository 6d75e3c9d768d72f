namespace Alpr.Edge.Bridge.Access.Roles;

/// <summary>
/// The claims a signed-in principal (cookie session or API token) carries besides its name
/// (<see cref="System.Security.Claims.ClaimTypes.Name"/>) and roles (<see cref="System.Security.Claims.ClaimTypes.Role"/>,
/// one per <see cref="BridgeRole"/> name).
/// </summary>
public static class AccessClaims
{
    /// <summary>The agency's ORI the user belongs to.</summary>
    public const string Agency = "alpr:agency";

    /// <summary><c>true</c> when the user's training is current at sign-in (or token use).</summary>
    public const string TrainingCurrent = "alpr:training-current";

    /// <summary><c>true</c> when the user may see CLETS-derived details.</summary>
    public const string CletsAuthorized = "alpr:clets";

    /// <summary>Present (<c>true</c>) when the principal is an API token acting for an integration or a user.</summary>
    public const string ApiToken = "alpr:api-token";

    /// <summary>The account's id.</summary>
    public const string UserId = System.Security.Claims.ClaimTypes.NameIdentifier;

    /// <summary>When the session was signed in (Unix seconds); a session ends 12 hours after it, however active.</summary>
    public const string SignedInAt = "alpr:signed-in-at";

    /// <summary>The account's security stamp at sign-in; a session whose stamp is no longer the account's ends.</summary>
    public const string SecurityStamp = "alpr:security-stamp";

    /// <summary>Why data is refused to this principal (training, one-time password), when it is.</summary>
    public const string DataRefusal = "alpr:data-refused";

    /// <summary>The API token's id, for tokens.</summary>
    public const string TokenId = "alpr:token-id";
}
