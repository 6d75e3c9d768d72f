using Alpr.Edge.Bridge.Access.Identity;

namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>The result of an account change: the user as changed, or a one-line reason it was refused.</summary>
/// <param name="User">The user after the change, or null when refused.</param>
/// <param name="Error">Why it was refused, one line.</param>
/// <param name="OneTimePassword">The one-time password made, for a new user.</param>
/// <param name="OtpAuthUri">The authenticator enrolment URI, for a new user or an MFA reset.</param>
public sealed record AccountChange(BridgeUser? User, string? Error, string? OneTimePassword = null, string? OtpAuthUri = null)
{
    /// <summary>A refused change.</summary>
    public static AccountChange Refused(string error) => new(null, error);
}
