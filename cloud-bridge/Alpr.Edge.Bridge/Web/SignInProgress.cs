namespace Alpr.Edge.Bridge.Web;

/// <summary>What <c>POST /api/auth/sign-in</c> answers when the password was right: the next step.</summary>
/// <param name="Next"><c>code</c> (send the authenticator's code) or <c>enrol</c> (add the key to an authenticator, then send its code).</param>
/// <param name="OtpAuthUri">For <c>enrol</c>: the otpauth URI to add to an authenticator app.</param>
public sealed record SignInProgress(string Next, string? OtpAuthUri);
