using Microsoft.AspNetCore.Authentication;

namespace Alpr.Edge.Bridge.Access.Tokens;

/// <summary>Options of the API token scheme (none beyond the framework's).</summary>
public sealed class ApiTokenAuthenticationOptions : AuthenticationSchemeOptions;
