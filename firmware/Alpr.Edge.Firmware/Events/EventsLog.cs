using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Events;

/// <summary>Device event log messages (event ids 4200-4299).</summary>
internal static partial class EventsLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Device event {Kind} ({Severity}) {Id}: {Text}")]
    public static partial void Raised(ILogger logger, string kind, string severity, Guid id, string text);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Device event {Kind} {Id} could not be stored; it will not reach the bridge")]
    public static partial void NotStored(ILogger logger, Exception exception, string kind, Guid id);
}
