using System.Collections.Frozen;
using Alpr.Edge.Bridge.Access.Roles;
using static Alpr.Edge.Bridge.Access.Roles.BridgeRole;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// The one table of who may call what: every endpoint the bridge maps, by method and route pattern. An endpoint not in
/// the table is refused to everyone (<see cref="AccessGate"/>), and the authorization matrix test fails for it.
/// </summary>
public static class EndpointAccess
{
    /// <summary>Every endpoint's rule.</summary>
    public static IReadOnlyList<EndpointRule> Rules { get; } =
    [
        Anonymous("GET", "/health"),
        Anonymous("GET", "/api/auth/antiforgery"),
        Anonymous("POST", "/api/auth/sign-in"),
        Anonymous("POST", "/api/auth/code"),
        SignedIn("POST", "/api/auth/sign-out"),
        SignedIn("GET", "/api/auth/me"),
        SignedIn("POST", "/api/auth/password"),
        SignedIn("GET", "/api/purposes"),

        // Reads, hits and their search: investigators.
        Data("GET", "/api/reads", Investigator),
        Data("GET", "/api/reads/{id:guid}", Investigator),
        Data("GET", "/api/hits", Investigator),
        Data("GET", "/api/hits/{id:guid}", Investigator),

        // Devices, their events and dead letters: operators and administrators.
        Data("GET", "/api/dead-letters", Operator, Administrator),
        Data("GET", "/api/events", Operator, Administrator),
        Data("GET", "/api/devices", Operator, Administrator),

        // Holds: administrators (investigators may list them); evidence exports of held cases: administrators and investigators.
        Data("POST", "/api/devices/{deviceId}/holds", Administrator),
        Data("POST", "/api/devices/{deviceId}/holds/{holdId:long}/release", Administrator),
        Data("GET", "/api/holds", Administrator, Investigator),
        Data("POST", "/api/holds", Administrator),
        Data("POST", "/api/holds/{id:guid}/release", Administrator),
        Data("POST", "/api/evidence/exports", Administrator, Investigator),

        // Search and canvass, hit verification and images: investigators; the misreads figure also for those who run and audit the fleet.
        Data("GET", "/api/search/reads", Investigator),
        Data("GET", "/api/search/hits", Investigator),
        Data("POST", "/api/hits/{id:guid}/dispositions", Investigator),
        Data("GET", "/api/hits/{id:guid}/dispositions", Investigator),
        Data("POST", "/api/hits/{id:guid}/actionable", Investigator),
        Data("GET", "/api/hits/{id:guid}/images/{kind}", Investigator),
        Data("GET", "/api/reports/misreads", Investigator, Operator, Administrator, Auditor),

        // Sharing: administrators register and verify partner agencies; investigators share; auditors see what was shared.
        Data("GET", "/api/agencies", Administrator, Investigator, Auditor),
        Data("POST", "/api/agencies", Administrator),
        Data("POST", "/api/agencies/{ori}/verify", Administrator),
        Data("GET", "/api/shares", Administrator, Investigator, Auditor),
        Data("POST", "/api/shares", Administrator, Investigator),
        Shared("GET", "/api/shared/reads", Investigator),
        Shared("GET", "/api/shared/hits", Investigator),

        // Non-law-enforcement requests: the records manager; anyone who takes one in may log it; auditors read them.
        Data("GET", "/api/records-requests", RecordsManager, Administrator, Auditor),
        Data("POST", "/api/records-requests", RecordsManager, Administrator, Investigator, Operator),
        Data("POST", "/api/records-requests/{id:guid}/status", RecordsManager),

        // The audit trail, its checkpoints and the auditor's reports: auditors and administrators, read-only.
        Data("GET", "/api/audit/", Auditor, Administrator),
        Data("GET", "/api/audit/checkpoints", Auditor, Administrator),
        Data("GET", "/api/audit/reports", Auditor, Administrator),
        Data("GET", "/api/audit/reports/{section}", Auditor, Administrator),

        // The transfer watch: operators, administrators and auditors.
        Data("GET", "/api/transfers", Operator, Administrator, Auditor),
        Data("GET", "/api/transfer-alerts", Operator, Administrator, Auditor),
    ];

    private static readonly FrozenDictionary<(string Method, string Pattern), EndpointRule> ByKey =
        Rules.ToFrozenDictionary(r => (r.Method, r.Pattern));

    /// <summary>The rule for <paramref name="method"/> on <paramref name="pattern"/>, or null when the table has none.</summary>
    public static EndpointRule? Find(string method, string? pattern) =>
        pattern is not null && ByKey.TryGetValue((method, pattern), out var rule) ? rule : null;

    private static EndpointRule Anonymous(string method, string pattern) => new(method, pattern, EndpointAccessKind.Anonymous, new HashSet<BridgeRole>());

    private static EndpointRule SignedIn(string method, string pattern) => new(method, pattern, EndpointAccessKind.SignedIn, new HashSet<BridgeRole>());

    private static EndpointRule Data(string method, string pattern, params BridgeRole[] roles) => new(method, pattern, EndpointAccessKind.Data, roles.ToHashSet());

    private static EndpointRule Shared(string method, string pattern, params BridgeRole[] roles) =>
        new(method, pattern, EndpointAccessKind.Data, roles.ToHashSet(), Partners: true);
}
