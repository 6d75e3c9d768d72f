namespace Alpr.Edge.Bridge.Audit.Verification;

/// <summary>What <see cref="AuditVerifier"/> found.</summary>
/// <param name="Entries">How many entries the database holds.</param>
/// <param name="LastSequence">The last entry's sequence (0 when none).</param>
/// <param name="DatabaseCheckpoints">How many checkpoints the database holds.</param>
/// <param name="FileCheckpoints">How many checkpoints the checkpoint file holds.</param>
/// <param name="Problems">Everything wrong, in chain order, then the checkpoints'; empty when the trail is intact.</param>
public sealed record AuditVerification(long Entries, long LastSequence, int DatabaseCheckpoints, int FileCheckpoints, IReadOnlyList<AuditProblem> Problems)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Intact => Problems.Count == 0;
}
