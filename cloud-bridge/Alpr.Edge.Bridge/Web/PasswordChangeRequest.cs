namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>POST /api/auth/password</c>.</summary>
/// <param name="CurrentPassword">The password now (the one-time password at first sign-in).</param>
/// <param name="NewPassword">The new password: at least 12 characters, not a common one.</param>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
