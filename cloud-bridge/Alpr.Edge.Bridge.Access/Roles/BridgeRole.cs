namespace Alpr.Edge.Bridge.Access.Roles;

/// <summary>What a user of the bridge does; a user may hold several roles.</summary>
public enum BridgeRole
{
    /// <summary>The bureau commander and delegates: users, devices, retention, holds.</summary>
    Administrator,

    /// <summary>Day-to-day device and hot-list administration.</summary>
    Operator,

    /// <summary>Search, reads, hits, verification, evidence export for own cases.</summary>
    Investigator,

    /// <summary>Handles non-law-enforcement requests (public records, civil subpoenas).</summary>
    RecordsManager,

    /// <summary>Read-only access to the audit log and reports; no plate data unless also an investigator.</summary>
    Auditor,
}
