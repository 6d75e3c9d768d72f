using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Uplink log messages (event ids 4000-4099).</summary>
internal static partial class UplinkLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Connected to {Broker} as {ClientId}; {Returned} un-acknowledged records will be sent again")]
    public static partial void Connected(ILogger logger, string broker, string clientId, int returned);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Uplink to {Broker} failed: {Reason}; retrying in {Delay}")]
    public static partial void ConnectionFailed(ILogger logger, string broker, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Malformed acknowledgement on {Topic} ignored: {Reason}")]
    public static partial void MalformedAck(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Acknowledgement for {Ids} ids marked {Changed} records acknowledged")]
    public static partial void Acknowledged(ILogger logger, int ids, int changed);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Published {Kind} {Id} (attempt {Attempt})")]
    public static partial void Published(ILogger logger, string kind, Guid id, int attempt);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Uplink stopped; status 'stopped' published: {Published}")]
    public static partial void Stopped(ILogger logger, bool published);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Uplink failure detail")]
    public static partial void FailureDetail(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Broker refused {Kind} {Id}: {Reason}; it stays in the outbox")]
    public static partial void PublishRefused(ILogger logger, string kind, Guid id, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Acknowledgement of {Ids} ids could not be recorded; they will be sent again")]
    public static partial void AckNotApplied(ILogger logger, Exception exception, int ids);
}
