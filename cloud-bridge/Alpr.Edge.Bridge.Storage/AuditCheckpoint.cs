namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// A signed statement of the audit chain's head at one moment, kept in the database (<c>audit_checkpoints</c>) and in
/// a file outside it, so that a rollback of the whole database shows.
/// </summary>
/// <param name="Sequence">The chain's last sequence when it was taken.</param>
/// <param name="Hash">That entry's hash, lowercase hex.</param>
/// <param name="At">When it was taken (UTC, to the microsecond).</param>
/// <param name="KeyId">Id of the audit key that signed it.</param>
/// <param name="Signature">ECDSA P-256 signature (IEEE P1363, base64) over the checkpoint's canonical bytes.</param>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature);
