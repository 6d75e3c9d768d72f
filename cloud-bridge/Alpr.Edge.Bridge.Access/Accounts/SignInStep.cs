using Alpr.Edge.Bridge.Access.Identity;

namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>The result of one sign-in step.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="User">The user, when the step succeeded.</param>
/// <param name="OtpAuthUri">The authenticator enrolment URI, for <see cref="SignInOutcome.NeedsEnrolment"/>.</param>
public sealed record SignInStep(SignInOutcome Outcome, BridgeUser? User = null, string? OtpAuthUri = null);
