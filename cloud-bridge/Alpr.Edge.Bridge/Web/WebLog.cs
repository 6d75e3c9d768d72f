using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Web;

/// <summary>Web log messages (event ids 4000-4099).</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "Could not write the access audit row for {Method} {Path}; access refused")]
    public static partial void AuditFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Web page and API listening on {Addresses}")]
    public static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Could not audit the refusal of {Method} {Path}; it is refused all the same")]
    public static partial void RefusalNotAudited(ILogger logger, Exception exception, string method, string path);
}
