using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Access.Tokens;

/// <summary>A token just issued: its text (shown once, never stored) and its stored record.</summary>
/// <param name="Token">The token text for <c>Authorization: Bearer</c>, or null when refused.</param>
/// <param name="Record">The stored record (hash only), or null when refused.</param>
/// <param name="Error">Why it was refused, one line.</param>
public sealed record IssuedToken(string? Token, ApiTokenRecord? Record, string? Error);
