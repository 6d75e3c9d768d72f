namespace Alpr.Edge.Bridge.Storage;

/// <summary>An API token as stored: never the token itself, only its SHA-256 hash.</summary>
/// <param name="Id">The token's id (shown in listings, used to revoke it).</param>
/// <param name="TokenHash">Lower-case hex SHA-256 of the token text.</param>
/// <param name="Name">What the token is for, e.g. the integration's name.</param>
/// <param name="UserId">The user the token acts for.</param>
/// <param name="Scopes">The role names it may use (a subset of the user's roles at use).</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
public sealed record ApiTokenRecord(
    Guid Id,
    string TokenHash,
    string Name,
    Guid UserId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt);
