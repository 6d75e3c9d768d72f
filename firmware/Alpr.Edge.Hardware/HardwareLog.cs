using Alpr.Edge.Hardware.Rules;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Hardware;

/// <summary>Source-generated log messages of the hardware area (event ids 4000-4099).</summary>
internal static partial class HardwareLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "A subscriber of the hardware event {Event} failed")]
    public static partial void SubscriberFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Day/night is now {Period}: {Reason}")]
    public static partial void DayNightChanged(ILogger logger, LightPeriod period, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Illuminator limit {State}: {Reason}")]
    public static partial void LimitChanged(ILogger logger, IlluminatorLimitState state, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Light sensor {Sensor} does not answer; {Fallback}")]
    public static partial void LightSensorLost(ILogger logger, string sensor, string fallback);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Light sensor {Sensor} answers again")]
    public static partial void LightSensorBack(ILogger logger, string sensor);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Illuminator evaluation failed; illuminator switched off")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Could not switch the illuminator off")]
    public static partial void ForceOffFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Enclosure tamper switch on header pin {HeaderPin}: {State}")]
    public static partial void Tamper(ILogger logger, int headerPin, string state);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug, Message = "Vehicle trigger {State}")]
    public static partial void Trigger(ILogger logger, string state);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Error, Message = "Reading the inputs failed")]
    public static partial void InputsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Driving the status LED failed")]
    public static partial void StatusLedFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "SoC temperature unreadable from {Zone}; illuminator derated")]
    public static partial void ThermalUnreadable(ILogger logger, string zone);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Critical, Message = "Unhandled exception: illuminator forced off")]
    public static partial void ForcedOffOnCrash(ILogger logger);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Pole hardware on {Board} ({Mode}): pin map {PinMap}")]
    public static partial void HardwareReady(ILogger logger, string board, string mode, string pinMap);
}
