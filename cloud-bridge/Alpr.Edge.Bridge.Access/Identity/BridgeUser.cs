using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Access.Identity;

/// <summary>
/// A bridge user as ASP.NET Core Identity handles it: the framework's stores set these properties and then update the
/// user, which writes them to the account store as one <see cref="UserAccount"/>.
/// </summary>
public sealed class BridgeUser
{
    /// <summary>The account's id.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The user name as entered.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The user name as looked up (upper-case invariant).</summary>
    public string NormalizedUserName { get; set; } = string.Empty;

    /// <summary>The agency's ORI.</summary>
    public string Agency { get; set; } = string.Empty;

    /// <summary>The framework password hasher's hash.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>True while the password is a one-time password: data stays refused until it is changed.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Changes whenever credentials change; older sessions then end.</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    /// <summary>Until when sign-in is locked.</summary>
    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>Failed attempts since the last success or lockout.</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>The TOTP authenticator key (base32).</summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>True once the user has confirmed an authenticator with a code (enrolled).</summary>
    public bool TwoFactorEnabled { get; set; }

    /// <summary>The time step at which the last code was accepted.</summary>
    public long? LastTotpStep { get; set; }

    /// <summary>Hash of the last code accepted.</summary>
    public string? LastTotpCodeHash { get; set; }

    /// <summary>Whether the account is disabled.</summary>
    public bool Disabled { get; set; }

    /// <summary>Whether CLETS-derived details may be shown.</summary>
    public bool CletsAuthorized { get; set; }

    /// <summary>The ALPR training course completed.</summary>
    public string? TrainingCourse { get; set; }

    /// <summary>When the training was completed.</summary>
    public DateTimeOffset? TrainingCompletedAt { get; set; }

    /// <summary>When the training lapses.</summary>
    public DateTimeOffset? TrainingExpiresAt { get; set; }

    /// <summary>When the account was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The role names held.</summary>
    public IList<string> Roles { get; init; } = [];

    /// <summary>The user as the account store keeps it.</summary>
    public UserAccount ToAccount() => new(
        Id, UserName, NormalizedUserName, Agency, PasswordHash, MustChangePassword, SecurityStamp, LockoutEnd, AccessFailedCount,
        AuthenticatorKey, TwoFactorEnabled, LastTotpStep, LastTotpCodeHash, Disabled, CletsAuthorized, TrainingCourse,
        TrainingCompletedAt, TrainingExpiresAt, CreatedAt, [.. Roles]);

    /// <summary>The user an account store row describes.</summary>
    public static BridgeUser From(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new BridgeUser
        {
            Id = account.Id,
            UserName = account.UserName,
            NormalizedUserName = account.NormalizedUserName,
            Agency = account.Agency,
            PasswordHash = account.PasswordHash,
            MustChangePassword = account.MustChangePassword,
            SecurityStamp = account.SecurityStamp,
            LockoutEnd = account.LockoutEnd,
            AccessFailedCount = account.AccessFailedCount,
            AuthenticatorKey = account.AuthenticatorKey,
            TwoFactorEnabled = account.TwoFactorEnabled,
            LastTotpStep = account.LastTotpStep,
            LastTotpCodeHash = account.LastTotpCodeHash,
            Disabled = account.Disabled,
            CletsAuthorized = account.CletsAuthorized,
            TrainingCourse = account.TrainingCourse,
            TrainingCompletedAt = account.TrainingCompletedAt,
            TrainingExpiresAt = account.TrainingExpiresAt,
            CreatedAt = account.CreatedAt,
            Roles = [.. account.Roles],
        };
    }
}
