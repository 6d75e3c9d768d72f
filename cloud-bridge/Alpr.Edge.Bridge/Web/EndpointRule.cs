using Alpr.Edge.Bridge.Access.Roles;

namespace Alpr.Edge.Bridge.Web;

/// <summary>Who may call one endpoint: its method and route pattern, what it asks, and for data the roles allowed.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Pattern">The route pattern as mapped, e.g. <c>/api/reads/{id:guid}</c>.</param>
/// <param name="Kind">What the endpoint asks of the caller.</param>
/// <param name="Roles">For <see cref="EndpointAccessKind.Data"/>: the roles, any one of which is enough.</param>
/// <param name="Partners">
/// For data: true when users of a partner agency may call it (it returns only what was shared with their agency);
/// every other data endpoint serves the department's own users only.
/// </param>
public sealed record EndpointRule(string Method, string Pattern, EndpointAccessKind Kind, IReadOnlySet<BridgeRole> Roles, bool Partners = false)
{
    /// <summary>Whether <paramref name="accessor"/> holds one of <see cref="Roles"/>.</summary>
    public bool Allows(Accessor accessor) => accessor is not null && Roles.Any(accessor.Has);
}
