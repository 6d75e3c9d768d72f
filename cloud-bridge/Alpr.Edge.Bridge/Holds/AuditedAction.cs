namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// The security-relevant actions the bridge records in the access audit trail, one row each, as the row's method:
/// the row's user is who did it, its path the target, its purpose the reason they gave.
/// </summary>
public static class AuditedAction
{
    /// <summary>A legal hold was placed (path <c>holds/{id}?case=N</c>).</summary>
    public const string HoldPlaced = "HOLD-PLACE";

    /// <summary>A legal hold was released (path <c>holds/{id}?case=N</c>).</summary>
    public const string HoldReleased = "HOLD-RELEASE";

    /// <summary>A case's evidence was exported (path <c>evidence/{case}?to=FOLDER&amp;files=N</c>).</summary>
    public const string EvidenceExported = "EVIDENCE-EXPORT";
}
