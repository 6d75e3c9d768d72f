namespace Alpr.Edge.Bridge.Access.Sessions;

/// <summary>The bridge's authentication schemes and session limits.</summary>
public static class SessionSchemes
{
    /// <summary>The default scheme: an API token when the request has <c>Authorization: Bearer</c>, else the session cookie.</summary>
    public const string Default = "alpr";

    /// <summary>The signed-in session (cookie <c>alpr.session</c>).</summary>
    public const string Session = "alpr.session";

    /// <summary>Between the password and the code (cookie <c>alpr.mfa</c>, five minutes).</summary>
    public const string Pending = "alpr.mfa";

    /// <summary>API tokens (<c>Authorization: Bearer alpr_…</c>).</summary>
    public const string Token = "alpr.token";

    /// <summary>A session not used for this long ends (sliding).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromHours(12);

    /// <summary>How long the code step waits after the password step.</summary>
    public static readonly TimeSpan PendingTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The header that carries the anti-forgery token on state-changing cookie requests.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
}
