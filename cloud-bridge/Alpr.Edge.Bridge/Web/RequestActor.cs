using Alpr.Edge.Bridge.Access.Purposes;
using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Audit.Trail;
using Microsoft.AspNetCore.Http;

namespace Alpr.Edge.Bridge.Web;

/// <summary>Who a request acts for, as the audit trail and the records it writes name them.</summary>
/// <param name="UserName">The signed-in user or token's name; <see cref="Anonymous"/> when none.</param>
/// <param name="Agency">The user's agency (ORI), if known.</param>
/// <param name="RemoteAddress">The caller's address, if known.</param>
public sealed record RequestActor(string UserName, string? Agency, string? RemoteAddress)
{
    /// <summary>The name recorded for a request without a signed-in user.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The actor of <paramref name="context"/>'s request.</summary>
    public static RequestActor Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accessor = Accessor.From(context.User);
        return new RequestActor(
            accessor?.UserName ?? Anonymous,
            string.IsNullOrEmpty(accessor?.Agency) ? null : accessor.Agency,
            context.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>The audit event of this actor doing <paramref name="action"/>, with the purpose and case it stated, if any.</summary>
    public AuditEvent Event(string action, string outcome, StatedPurpose? purpose = null, string? target = null, string? detail = null) =>
        new(UserName, Agency, RemoteAddress, action, outcome, purpose?.Name, purpose?.CaseNumber, target, detail);
}
