namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>Who does an account change or a sign-in step, as the audit trail records it.</summary>
/// <param name="Name">The user name, <c>cli:OSUSER</c> for the command line, or <c>anonymous</c> before sign-in.</param>
/// <param name="Agency">The actor's agency, if known.</param>
/// <param name="RemoteAddress">The caller's address, if any.</param>
public sealed record AuditActor(string Name, string? Agency, string? RemoteAddress)
{
    /// <summary>The command line, run by the operating-system user.</summary>
    public static AuditActor CommandLine => new($"cli:{Environment.UserName}", null, null);
}
