using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Trail;

/// <summary>
/// Interim trail: appends each event as an <c>access_audit</c> row (action as the method, target as the path).
/// Replaced by the hash-chained trail.
/// </summary>
public sealed class AccessAuditTrail : IAuditTrail
{
    private readonly ICentralStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the trail over <paramref name="store"/>.</summary>
    public AccessAuditTrail(ICentralStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <inheritdoc />
    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return _store.AddAccessAuditAsync(
            new AccessAuditEntry(_time.GetUtcNow(), auditEvent.User, auditEvent.RemoteAddress, auditEvent.Action, auditEvent.Target ?? string.Empty, auditEvent.Purpose),
            cancellationToken);
    }
}
