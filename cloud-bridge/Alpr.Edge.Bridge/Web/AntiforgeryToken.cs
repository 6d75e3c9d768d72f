namespace Alpr.Edge.Bridge.Web;

/// <summary>What <c>GET /api/auth/antiforgery</c> answers: the token to send in the <c>X-CSRF-TOKEN</c> header.</summary>
/// <param name="Token">The request token.</param>
/// <param name="HeaderName">The header to send it in.</param>
public sealed record AntiforgeryToken(string Token, string HeaderName);
