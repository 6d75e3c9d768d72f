namespace Alpr.Edge.Bridge.Web;

/// <summary>What an endpoint asks of the caller.</summary>
public enum EndpointAccessKind
{
    /// <summary>Anyone (health, the sign-in steps).</summary>
    Anonymous,

    /// <summary>Any signed-in user or token, whatever the roles and training (<c>me</c>, sign-out, password change).</summary>
    SignedIn,

    /// <summary>A data function: one of the roles, current training, no one-time password left to change.</summary>
    Data,
}
