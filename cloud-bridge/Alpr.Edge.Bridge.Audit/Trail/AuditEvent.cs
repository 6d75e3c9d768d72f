namespace Alpr.Edge.Bridge.Audit.Trail;

/// <summary>
/// One security-relevant event to append to the audit trail (Civil Code § 1798.90.52's fields and more).
/// The trail adds the time (UTC), the sequence number and the chain hash.
/// </summary>
/// <param name="User">Who acted: the user or integration name; <c>system</c> for the bridge's own jobs, <c>anonymous</c> before sign-in.</param>
/// <param name="Agency">The actor's agency (ORI), if known.</param>
/// <param name="RemoteAddress">The caller's address, if any.</param>
/// <param name="Action">What was done, a dotted name such as <c>auth.sign-in</c>, <c>reads.search</c>, <c>hit.verify</c>.</param>
/// <param name="Outcome">How it ended: <c>ok</c>, <c>refused</c>, <c>failed</c>, or a more precise word.</param>
/// <param name="Purpose">The purpose the actor stated, if any.</param>
/// <param name="CaseNumber">The case or incident number, if any.</param>
/// <param name="Target">What it was done to: a path, an id, a user name.</param>
/// <param name="Detail">More, such as search criteria and result count, as short text or JSON.</param>
public sealed record AuditEvent(
    string User,
    string? Agency,
    string? RemoteAddress,
    string Action,
    string Outcome,
    string? Purpose = null,
    string? CaseNumber = null,
    string? Target = null,
    string? Detail = null);
