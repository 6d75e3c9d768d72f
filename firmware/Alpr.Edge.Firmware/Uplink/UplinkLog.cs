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

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Acknowledgement for {Ids} ids marked {Changed} records acknowledged; {Ignored} were not in flight (never sent, back in the outbox, already acknowledged or unknown) and marked nothing")]
    public static partial void Acknowledged(ILogger logger, int ids, int changed, int ignored);

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

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Refusing broker {Broker}: {Reason}; trusted: {TrustedCa} (Uplink:CaFile)")]
    public static partial void BrokerCertificateRefused(ILogger logger, string broker, string reason, string trustedCa);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Inbound message on {Topic} rejected: {Reason}")]
    public static partial void InboundRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Handler for {Topic} failed; the message is dropped")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Debug, Message = "Status published: backlog {Reads} reads, {Hits} hits, {Events} events")]
    public static partial void StatusPublished(ILogger logger, long reads, long hits, long events);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Status could not be gathered: {Reason}")]
    public static partial void StatusFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Hold {HoldId} {Action} (command {CommandId})")]
    public static partial void HoldApplied(ILogger logger, string action, long holdId, Guid commandId);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Information, Message = "Command {CommandId} ({Command}) was already applied; re-delivery ignored")]
    public static partial void CommandDuplicate(ILogger logger, Guid commandId, string command);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Warning, Message = "No trusted bridge keys (Uplink:TrustedBridgeKeyFiles): acknowledgements and commands are accepted unsigned; anyone who can publish on this device's topics can forge them")]
    public static partial void UnsignedAccepted(ILogger logger);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Information, Message = "Acknowledgements and commands are accepted only signed by bridge key(s) {KeyIds}")]
    public static partial void SignedRequired(ILogger logger, string keyIds);
}
