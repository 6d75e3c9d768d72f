using Alpr.Edge.Hardware.Rules;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hardware;

/// <summary>Log messages of the pole's status and hardware events (event ids 6000–6099).</summary>
internal static partial class PoleStatusLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Pole status {Status}: {Reason}")]
    public static partial void StatusChanged(ILogger logger, PoleStatus status, string reason);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Pole status {Status}: {Reason}")]
    public static partial void Fault(ILogger logger, PoleStatus status, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Tamper: the enclosure was opened (switch on header pin {HeaderPin}) at {At:O}")]
    public static partial void EnclosureOpened(ILogger logger, int headerPin, DateTimeOffset at);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Tamper: the enclosure was closed (switch on header pin {HeaderPin}) at {At:O}")]
    public static partial void EnclosureClosed(ILogger logger, int headerPin, DateTimeOffset at);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Day/night: now {Period} ({Reason})")]
    public static partial void DayNightChanged(ILogger logger, LightPeriod period, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Over-temperature: illuminator {State}, at most {MaxIntensity:P0} ({Reason})")]
    public static partial void OverTemperature(ILogger logger, IlluminatorLimitState state, double maxIntensity, string reason);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Illuminator limit: {State}, at most {MaxIntensity:P0} ({Reason})")]
    public static partial void LimitChanged(ILogger logger, IlluminatorLimitState state, double maxIntensity, string reason);
}
