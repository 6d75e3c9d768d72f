namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// The actions the bridge's own areas record in the audit trail (<see cref="Audit.Trail.IAuditTrail"/>), as the entry's
/// action: the entry's user is who did it, its case the case, its target what it was done to, its purpose the reason given.
/// </summary>
public static class AuditedAction
{
    /// <summary>A legal hold was placed (target <c>holds/{id}</c>).</summary>
    public const string HoldPlaced = "hold.place";

    /// <summary>A legal hold was released (target <c>holds/{id}</c>).</summary>
    public const string HoldReleased = "hold.release";

    /// <summary>A case's evidence was exported (target the folder; detail the counts).</summary>
    public const string EvidenceExported = "evidence.export";

    /// <summary>The retention purge ran (user <c>system</c>; detail the counts).</summary>
    public const string RetentionPurge = "retention.purge";

    /// <summary>A hot list was published to devices (target the list; detail the devices).</summary>
    public const string HotlistPublished = "hotlist.publish";

    /// <summary>The audit trail was verified (<c>alpr-bridge audit verify</c>).</summary>
    public const string AuditVerified = "audit.verify";

    /// <summary>The scheduled regular audit ran and wrote its report.</summary>
    public const string RegularAudit = "audit.regular";

    /// <summary>The user the bridge's own jobs record.</summary>
    public const string SystemUser = "system";
}
