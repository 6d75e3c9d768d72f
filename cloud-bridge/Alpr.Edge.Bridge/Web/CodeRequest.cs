namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>POST /api/auth/code</c>: the six digits the authenticator shows.</summary>
/// <param name="Code">The code.</param>
public sealed record CodeRequest(string? Code);
