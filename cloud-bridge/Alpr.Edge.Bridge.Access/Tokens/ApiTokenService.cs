using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Access.Tokens;

/// <summary>
/// API tokens for machine clients: random 256-bit tokens (<c>alpr_…</c>) stored as SHA-256 hashes, acting for a named user
/// with a subset of that user's roles (scopes), expiring, revocable; issue and revoke are audited.
/// </summary>
public sealed class ApiTokenService
{
    /// <summary>The prefix of every token.</summary>
    public const string Prefix = "alpr_";

    /// <summary>The longest lifetime a token may have.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    private readonly IAccountStore _accounts;
    private readonly AccountService _service;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public ApiTokenService(IAccountStore accounts, AccountService service, TimeProvider time)
    {
        _accounts = accounts;
        _service = service;
        _time = time;
    }

    /// <summary>The SHA-256 hash (lower-case hex) under which <paramref name="token"/> is stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    /// <summary>Issues a token for <paramref name="userName"/> with <paramref name="scopes"/> (roles the user holds), valid for <paramref name="lifetime"/>.</summary>
    public async Task<IssuedToken> IssueAsync(
        string userName, string name, IReadOnlyList<string> scopes, TimeSpan lifetime, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(actor);
        var user = string.IsNullOrEmpty(userName) ? null : await _service.Users.FindByNameAsync(userName);
        string? error = null;
        if (user is null)
        {
            error = $"there is no user '{userName}'; 'alpr-bridge users list' shows them";
        }
        else if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            error = "the token needs a name of 1 to 100 characters (what it is for)";
        }
        else if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            error = $"a token's lifetime must be positive and at most {MaxLifetime.TotalDays:0} days";
        }
        else if (scopes.Count == 0)
        {
            error = "a token needs at least one scope (a role of the user)";
        }
        else if (scopes.FirstOrDefault(s => !user.Roles.Contains(s)) is { } outside)
        {
            error = $"the user does not hold the role '{outside}', so a token cannot have it";
        }

        if (error is not null)
        {
            await _service.AuditAsync(actor, "token.issue", "refused", userName, error, cancellationToken);
            return new IssuedToken(null, null, error);
        }

        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        var record = new ApiTokenRecord(Guid.CreateVersion7(now), Hash(token), name.Trim(), user!.Id, [.. scopes], now, now + lifetime, null);
        await _accounts.AddApiTokenAsync(record, cancellationToken);
        await _service.AuditAsync(actor, "token.issue", "ok", user.UserName, $"token {record.Id} '{record.Name}'; scopes {string.Join(",", scopes)}; expires {record.ExpiresAt:O}", cancellationToken);
        return new IssuedToken(token, record, null);
    }

    /// <summary>Revokes a token; false when there is no such token in force.</summary>
    public async Task<bool> RevokeAsync(Guid id, AuditActor actor, CancellationToken cancellationToken)
    {
        var revoked = await _accounts.RevokeApiTokenAsync(id, _time.GetUtcNow(), cancellationToken);
        await _service.AuditAsync(actor, "token.revoke", revoked ? "ok" : "refused", id.ToString(), revoked ? null : "no such token in force", cancellationToken);
        return revoked;
    }

    /// <summary>
    /// The principal a presented token stands for (the user's name, the token's scopes that the user still holds), or the
    /// one-line reason it is refused (unknown, revoked, expired, user disabled).
    /// </summary>
    public async Task<(ClaimsPrincipal? Principal, string? Failure)> AuthenticateAsync(string token, string scheme, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return (null, "not an API token");
        }

        var record = await _accounts.FindApiTokenAsync(Hash(token), cancellationToken);
        var now = _time.GetUtcNow();
        if (record is null)
        {
            return (null, "unknown API token");
        }

        if (record.RevokedAt is not null)
        {
            return (null, $"API token {record.Id} was revoked");
        }

        if (record.ExpiresAt <= now)
        {
            return (null, $"API token {record.Id} expired");
        }

        var account = await _accounts.FindUserByIdAsync(record.UserId, cancellationToken);
        if (account is null || account.Disabled)
        {
            return (null, $"the user of API token {record.Id} is disabled");
        }

        var user = BridgeUser.From(account);
        var roles = record.Scopes.Where(user.Roles.Contains);
        return (BridgePrincipals.Create(user, scheme, roles, record.CreatedAt, now, record.Id), null);
    }
}
