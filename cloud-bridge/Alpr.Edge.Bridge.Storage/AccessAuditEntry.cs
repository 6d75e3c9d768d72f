namespace Alpr.Edge.Bridge.Storage;

/// <summary>One access to the bridge's data, as written to the <c>access_audit</c> table.</summary>
/// <param name="At">When the request arrived.</param>
/// <param name="User">Who asked; <c>local-unauthenticated</c> until access control lands.</param>
/// <param name="RemoteAddress">The caller's address, if known.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query string requested.</param>
/// <param name="Purpose">The purpose the caller stated (X-Purpose header or purpose query parameter), if any.</param>
public sealed record AccessAuditEntry(
    DateTimeOffset At,
    string User,
    string? RemoteAddress,
    string Method,
    string Path,
    string? Purpose);
