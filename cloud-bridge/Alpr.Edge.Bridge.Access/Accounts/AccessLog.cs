using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>The access area's log messages (event ids 4200-4299; never passwords, codes or tokens).</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Sign-in of {UserName} locked out after repeated failures")]
    public static partial void LockedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Account change {Action} on {UserName} by {Actor}")]
    public static partial void Changed(ILogger logger, string action, string userName, string actor);
}
