namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>How a sign-in step ended.</summary>
public enum SignInOutcome
{
    /// <summary>Wrong user name, password or code, or a disabled account (the caller is not told which).</summary>
    Failed,

    /// <summary>Too many failed attempts: sign-in is locked for a while.</summary>
    LockedOut,

    /// <summary>A code that was already used (same time step) was sent again.</summary>
    Replayed,

    /// <summary>The password was right; a code from the authenticator is needed next.</summary>
    NeedsCode,

    /// <summary>The password was right; the user has no confirmed authenticator and must enrol one (the URI is returned).</summary>
    NeedsEnrolment,

    /// <summary>Signed in.</summary>
    SignedIn,
}
