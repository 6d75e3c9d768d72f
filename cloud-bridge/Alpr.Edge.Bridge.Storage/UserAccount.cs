namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// One user of the bridge as the account store keeps it: sign-in state (password hash, security stamp, lockout,
/// authenticator), what the user may do (roles, CLETS, training) and when the account was made. Names and texts are
/// stored as given; nothing in them is interpreted.
/// </summary>
/// <param name="Id">The account's id.</param>
/// <param name="UserName">The user name as entered.</param>
/// <param name="NormalizedUserName">The user name normalised for lookups (unique).</param>
/// <param name="Agency">The agency's ORI.</param>
/// <param name="PasswordHash">The framework password hasher's hash, or null when no password is set.</param>
/// <param name="MustChangePassword">True while the password is a one-time password that must be changed at sign-in.</param>
/// <param name="SecurityStamp">Changes whenever credentials change; sessions issued under an older stamp end.</param>
/// <param name="LockoutEnd">Until when sign-in is locked, or null.</param>
/// <param name="AccessFailedCount">Failed sign-ins since the last success or lockout.</param>
/// <param name="AuthenticatorKey">The TOTP authenticator key (base32), or null before enrolment.</param>
/// <param name="TwoFactorEnabled">Whether a TOTP code is required at sign-in.</param>
/// <param name="LastTotpStep">The time step at which the last TOTP code was accepted, or null.</param>
/// <param name="LastTotpCodeHash">A hash of the last TOTP code accepted (a replay within its window is refused), or null.</param>
/// <param name="Disabled">Whether the account is disabled (no sign-in, no token works).</param>
/// <param name="CletsAuthorized">Whether CLETS-derived details may be shown to the user.</param>
/// <param name="TrainingCourse">The ALPR training course completed, or null.</param>
/// <param name="TrainingCompletedAt">When it was completed, or null.</param>
/// <param name="TrainingExpiresAt">When it lapses, or null.</param>
/// <param name="CreatedAt">When the account was made.</param>
/// <param name="Roles">The role names held.</param>
public sealed record UserAccount(
    Guid Id,
    string UserName,
    string NormalizedUserName,
    string Agency,
    string? PasswordHash,
    bool MustChangePassword,
    string SecurityStamp,
    DateTimeOffset? LockoutEnd,
    int AccessFailedCount,
    string? AuthenticatorKey,
    bool TwoFactorEnabled,
    long? LastTotpStep,
    string? LastTotpCodeHash,
    bool Disabled,
    bool CletsAuthorized,
    string? TrainingCourse,
    DateTimeOffset? TrainingCompletedAt,
    DateTimeOffset? TrainingExpiresAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Roles);
