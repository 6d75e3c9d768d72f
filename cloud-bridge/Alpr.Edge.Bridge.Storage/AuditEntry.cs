namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// One entry of the hash-chained audit trail (<c>audit_entries</c>), append-only: the database refuses to update or
/// delete it, and retention never purges it.
/// </summary>
/// <param name="Sequence">Position in the chain, from 1, without gaps.</param>
/// <param name="At">When it was appended (UTC, to the microsecond).</param>
/// <param name="User">Who acted.</param>
/// <param name="Agency">The actor's agency, if known.</param>
/// <param name="RemoteAddress">The caller's address, if any.</param>
/// <param name="Action">What was done, a dotted name.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Purpose">The purpose stated, if any.</param>
/// <param name="CaseNumber">The case number, if any.</param>
/// <param name="Target">What it was done to, if anything.</param>
/// <param name="Detail">More, as short text or JSON, if any.</param>
/// <param name="PreviousHash">The hash of entry <c>Sequence - 1</c> (64 zeros for the first), lowercase hex.</param>
/// <param name="Hash">SHA-256 over this entry's fields and <paramref name="PreviousHash"/>, lowercase hex.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string User,
    string? Agency,
    string? RemoteAddress,
    string Action,
    string Outcome,
    string? Purpose,
    string? CaseNumber,
    string? Target,
    string? Detail,
    string PreviousHash,
    string Hash);
