namespace Alpr.Edge.Bridge.Audit.Trail;

/// <summary>
/// The bridge's append-only audit trail. Every area appends through it (sign-in, searches, views, verification, holds,
/// exports, purges, user changes, refusals). A failed append throws, and the caller refuses the action it audits.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends <paramref name="auditEvent"/>, stamped with the current UTC time.</summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
