using System.Security.Cryptography;
using System.Text;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>
/// Accounts and sign-in through ASP.NET Core Identity's <see cref="UserManager{TUser}"/> (its password hasher, lockout and
/// TOTP authenticator): the command line and the web use the same operations, and each appends its event to the audit trail.
/// </summary>
public sealed class AccountService
{
    /// <summary>The issuer shown in authenticator apps.</summary>
    public const string Issuer = "Alpr.Edge bridge";

    private const string OneTimeAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly UserManager<BridgeUser> _users;
    private readonly IAccountStore _accounts;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<AccountService> _logger;

    /// <summary>Creates the service.</summary>
    public AccountService(UserManager<BridgeUser> users, IAccountStore accounts, IAuditTrail audit, TimeProvider time, ILogger<AccountService> logger)
    {
        _users = users;
        _accounts = accounts;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>The framework's user manager, for what this service does not wrap.</summary>
    public UserManager<BridgeUser> Users => _users;

    /// <summary>The roles <paramref name="names"/> names, or a one-line reason.</summary>
    public static bool TryParseRoles(IEnumerable<string> names, out IReadOnlyList<string> roles, out string? error)
    {
        ArgumentNullException.ThrowIfNull(names);
        var parsed = new List<string>();
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<BridgeRole>(name, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(name, out _))
            {
                roles = [];
                error = $"'{name}' is not a role; the roles are {string.Join(", ", Enum.GetNames<BridgeRole>())}";
                return false;
            }

            if (!parsed.Contains(role.ToString()))
            {
                parsed.Add(role.ToString());
            }
        }

        roles = parsed;
        error = null;
        return true;
    }

    /// <summary>
    /// Makes a user with a one-time password (to be changed at first sign-in) and an authenticator key to enrol
    /// (confirmed by the first code); returns both.
    /// </summary>
    public async Task<AccountChange> CreateAsync(
        string userName, string agency, IReadOnlyList<string> roles, bool cletsAuthorized, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(agency) || agency.Length > 32)
        {
            return AccountChange.Refused("the agency must be its ORI, 1 to 32 characters");
        }

        if (!TryParseRoles(roles, out var parsedRoles, out var roleError))
        {
            return AccountChange.Refused(roleError!);
        }

        var user = new BridgeUser
        {
            UserName = userName?.Trim() ?? string.Empty,
            Agency = agency.Trim(),
            CletsAuthorized = cletsAuthorized,
            MustChangePassword = true,
            CreatedAt = _time.GetUtcNow(),
            Roles = [.. parsedRoles],
        };
        if (user.UserName.Length is 0 or > 64)
        {
            return AccountChange.Refused("the user name must be 1 to 64 characters");
        }

        var password = RandomNumberGenerator.GetString(OneTimeAlphabet, 20);
        var created = await _users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await AuditAsync(actor, "user.add", "refused", user.UserName, Describe(created), cancellationToken);
            return AccountChange.Refused(Describe(created));
        }

        await _users.ResetAuthenticatorKeyAsync(user);
        await AuditAsync(actor, "user.add", "ok", user.UserName, $"agency {user.Agency}; roles {string.Join(",", user.Roles)}; clets {cletsAuthorized}", cancellationToken);
        AccessLog.Changed(_logger, "user.add", user.UserName, actor.Name);
        return new AccountChange(user, null, password, OtpAuthUri(user));
    }

    /// <summary>Every user.</summary>
    public async Task<IReadOnlyList<BridgeUser>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _accounts.GetUsersAsync(cancellationToken)).Select(BridgeUser.From)];

    /// <summary>Disables a user (no sign-in; sessions and tokens stop working).</summary>
    public Task<AccountChange> DisableAsync(string userName, AuditActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(userName, actor, "user.disable", async user =>
        {
            user.Disabled = true;
            await _users.UpdateSecurityStampAsync(user);
            return "disabled";
        }, cancellationToken);

    /// <summary>Replaces a user's roles.</summary>
    public Task<AccountChange> SetRolesAsync(string userName, IReadOnlyList<string> roles, AuditActor actor, CancellationToken cancellationToken) =>
        !TryParseRoles(roles, out var parsed, out var error)
            ? Task.FromResult(AccountChange.Refused(error!))
            : ChangeAsync(userName, actor, "user.set-roles", async user =>
        {
            var before = string.Join(",", user.Roles);
            user.Roles.Clear();
            foreach (var role in parsed)
            {
                user.Roles.Add(role);
            }

            await _users.UpdateAsync(user);
            return $"roles {before} -> {string.Join(",", parsed)}";
        }, cancellationToken);

    /// <summary>Records a user's ALPR training.</summary>
    public Task<AccountChange> SetTrainingAsync(
        string userName, string course, DateTimeOffset completed, DateTimeOffset expires, AuditActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(course) || expires <= completed)
        {
            return Task.FromResult(AccountChange.Refused("training needs a course and an expiry after its completion"));
        }

        return ChangeAsync(userName, actor, "user.set-training", async user =>
        {
            user.TrainingCourse = course.Trim();
            user.TrainingCompletedAt = completed;
            user.TrainingExpiresAt = expires;
            await _users.UpdateAsync(user);
            return $"course {user.TrainingCourse}; completed {completed:yyyy-MM-dd}; expires {expires:yyyy-MM-dd}";
        }, cancellationToken);
    }

    /// <summary>Grants or withdraws CLETS authorisation.</summary>
    public Task<AccountChange> SetCletsAsync(string userName, bool authorized, AuditActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(userName, actor, "user.set-clets", async user =>
        {
            user.CletsAuthorized = authorized;
            await _users.UpdateAsync(user);
            return $"clets {authorized}";
        }, cancellationToken);

    /// <summary>Resets a user's MFA: a new authenticator key to enrol (returned as a URI); older sessions end.</summary>
    public async Task<AccountChange> ResetMfaAsync(string userName, AuditActor actor, CancellationToken cancellationToken)
    {
        var change = await ChangeAsync(userName, actor, "user.mfa-reset", async user =>
        {
            user.TwoFactorEnabled = false;
            user.LastTotpStep = null;
            user.LastTotpCodeHash = null;
            await _users.ResetAuthenticatorKeyAsync(user);
            return "new authenticator key; enrolment required at next sign-in";
        }, cancellationToken);
        return change.User is { } changed ? change with { OtpAuthUri = OtpAuthUri(changed) } : change;
    }

    /// <summary>
    /// The password step of sign-in. Five wrong passwords lock sign-in for ten minutes (the framework's lockout); a user
    /// without a confirmed authenticator gets its enrolment URI.
    /// </summary>
    public async Task<SignInStep> CheckPasswordAsync(string userName, string password, string? remoteAddress, CancellationToken cancellationToken)
    {
        var actor = new AuditActor(userName ?? string.Empty, null, remoteAddress);
        var user = string.IsNullOrEmpty(userName) ? null : await _users.FindByNameAsync(userName);
        if (user is null || user.Disabled)
        {
            // The same hashing work as a real check, so the answer's timing does not tell which user names exist.
            _users.PasswordHasher.HashPassword(user ?? new BridgeUser(), password ?? string.Empty);
            await AuditAsync(actor, "auth.sign-in", "failed", userName, user is null ? "no such user" : "disabled", cancellationToken);
            return new SignInStep(SignInOutcome.Failed);
        }

        actor = actor with { Agency = user.Agency };
        if (await _users.IsLockedOutAsync(user))
        {
            await AuditAsync(actor, "auth.sign-in", "locked-out", user.UserName, null, cancellationToken);
            return new SignInStep(SignInOutcome.LockedOut);
        }

        if (!await _users.CheckPasswordAsync(user, password ?? string.Empty))
        {
            return await FailAsync(user, actor, "auth.sign-in", "wrong password", cancellationToken);
        }

        if (!user.TwoFactorEnabled || user.AuthenticatorKey is null)
        {
            if (user.AuthenticatorKey is null)
            {
                await _users.ResetAuthenticatorKeyAsync(user);
            }

            await AuditAsync(actor, "auth.sign-in", "needs-enrolment", user.UserName, null, cancellationToken);
            return new SignInStep(SignInOutcome.NeedsEnrolment, user, OtpAuthUri(user));
        }

        await AuditAsync(actor, "auth.sign-in", "needs-code", user.UserName, null, cancellationToken);
        return new SignInStep(SignInOutcome.NeedsCode, user);
    }

    /// <summary>
    /// The code step of sign-in (or of enrolment): the framework's authenticator checks the code; a code already accepted
    /// within its window is refused as a replay; wrong codes count towards the lockout.
    /// </summary>
    public async Task<SignInStep> CheckCodeAsync(Guid userId, string securityStamp, string code, string? remoteAddress, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(userId.ToString());
        if (user is null || user.Disabled || !string.Equals(user.SecurityStamp, securityStamp, StringComparison.Ordinal))
        {
            await AuditAsync(new AuditActor(user?.UserName ?? "anonymous", user?.Agency, remoteAddress), "auth.mfa", "failed", user?.UserName, "sign-in step expired", cancellationToken);
            return new SignInStep(SignInOutcome.Failed);
        }

        var actor = new AuditActor(user.UserName, user.Agency, remoteAddress);
        if (await _users.IsLockedOutAsync(user))
        {
            await AuditAsync(actor, "auth.mfa", "locked-out", user.UserName, null, cancellationToken);
            return new SignInStep(SignInOutcome.LockedOut);
        }

        var digits = new string([.. (code ?? string.Empty).Where(c => c is not (' ' or '-'))]);
        var step = _time.GetUtcNow().ToUnixTimeSeconds() / 30;
        var codeHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Id}:{digits}")));
        // The framework accepts codes two time steps either side of now; a code accepted within that window is not taken again.
        if (user.LastTotpCodeHash == codeHash && user.LastTotpStep is { } last && step - last <= 4)
        {
            var replay = await FailAsync(user, actor, "auth.mfa", "replayed code", cancellationToken);
            return replay.Outcome == SignInOutcome.LockedOut ? replay : new SignInStep(SignInOutcome.Replayed);
        }

        if (digits.Length != 6 || !await _users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, digits))
        {
            return await FailAsync(user, actor, "auth.mfa", "wrong code", cancellationToken);
        }

        var enrolled = !user.TwoFactorEnabled;
        user.TwoFactorEnabled = true;
        user.LastTotpStep = step;
        user.LastTotpCodeHash = codeHash;
        user.AccessFailedCount = 0;
        await _users.UpdateAsync(user);
        if (enrolled)
        {
            await AuditAsync(actor, "user.mfa-enrolled", "ok", user.UserName, null, cancellationToken);
        }

        await AuditAsync(actor, "auth.sign-in", "ok", user.UserName, null, cancellationToken);
        return new SignInStep(SignInOutcome.SignedIn, user);
    }

    /// <summary>Changes a signed-in user's password (the way out of a one-time password); older sessions end.</summary>
    public async Task<AccountChange> ChangePasswordAsync(Guid userId, string current, string replacement, string? remoteAddress, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AccountChange.Refused("no such user");
        }

        var actor = new AuditActor(user.UserName, user.Agency, remoteAddress);
        var result = await _users.ChangePasswordAsync(user, current ?? string.Empty, replacement ?? string.Empty);
        if (!result.Succeeded)
        {
            await AuditAsync(actor, "user.password", "refused", user.UserName, Describe(result), cancellationToken);
            return AccountChange.Refused(Describe(result));
        }

        user.MustChangePassword = false;
        await _users.UpdateAsync(user);
        await AuditAsync(actor, "user.password", "ok", user.UserName, null, cancellationToken);
        return new AccountChange(user, null);
    }

    /// <summary>The authenticator enrolment URI of <paramref name="user"/> (otpauth://totp/…).</summary>
    public static string OtpAuthUri(BridgeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        return $"otpauth://totp/{label}?secret={user.AuthenticatorKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
    }

    /// <summary>Appends an event to the audit trail.</summary>
    public Task AuditAsync(AuditActor actor, string action, string outcome, string? target, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _audit.AppendAsync(new AuditEvent(actor.Name, actor.Agency, actor.RemoteAddress, action, outcome, Target: target, Detail: detail), cancellationToken);
    }

    private async Task<SignInStep> FailAsync(BridgeUser user, AuditActor actor, string action, string why, CancellationToken cancellationToken)
    {
        await _users.AccessFailedAsync(user);
        if (await _users.IsLockedOutAsync(user))
        {
            AccessLog.LockedOut(_logger, user.UserName);
            await AuditAsync(actor, "auth.lockout", "locked-out", user.UserName, why, cancellationToken);
            return new SignInStep(SignInOutcome.LockedOut);
        }

        await AuditAsync(actor, action, "failed", user.UserName, why, cancellationToken);
        return new SignInStep(SignInOutcome.Failed);
    }

    private async Task<AccountChange> ChangeAsync(
        string userName, AuditActor actor, string action, Func<BridgeUser, Task<string>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = string.IsNullOrEmpty(userName) ? null : await _users.FindByNameAsync(userName);
        if (user is null)
        {
            await AuditAsync(actor, action, "refused", userName, "no such user", cancellationToken);
            return AccountChange.Refused($"there is no user '{userName}'; 'alpr-bridge users list' shows them");
        }

        var detail = await change(user);
        await AuditAsync(actor, action, "ok", user.UserName, detail, cancellationToken);
        AccessLog.Changed(_logger, action, user.UserName, actor.Name);
        return new AccountChange(user, null);
    }

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description.TrimEnd('.')));
}
