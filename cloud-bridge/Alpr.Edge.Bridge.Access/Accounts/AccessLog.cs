using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Access.Accounts;

/// <summary>The access area's log messages (never passwords, codes or tokens).</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Sign-in of {UserName} locked out after repeated failures")]
    public static partial void LockedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Account change {Action} on {UserName} by {Actor}")]
    public static partial void Changed(ILogger logger, string action, string userName, string actor);
}
