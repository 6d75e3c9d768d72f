namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>POST /api/auth/sign-in</c>.</summary>
/// <param name="UserName">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record SignInRequest(string? UserName, string? Password);
