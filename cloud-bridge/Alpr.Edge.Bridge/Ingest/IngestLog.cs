using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>Ingest log messages (event ids 1000-1099). Plate text is never logged here.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Connecting to MQTT broker {Broker} as {ClientId}")]
    public static partial void Connecting(ILogger logger, Uri broker, string clientId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Ingest connected to {Broker} (session present: {SessionPresent}) and subscribed to reads, hits, events and device status")]
    public static partial void Ready(ILogger logger, Uri broker, bool sessionPresent);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Could not connect to MQTT broker {Broker}: {Reason}; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, Uri broker, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Disconnected from MQTT broker: {Reason} {Detail}")]
    public static partial void Disconnected(ILogger logger, string reason, string? detail);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Dropped message on {Topic} to the dead letters: {Reason}")]
    public static partial void Dropped(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Stored {Kind} {Id} from {DeviceId}")]
    public static partial void Stored(ILogger logger, string kind, Guid id, string deviceId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Ignored re-sent {Kind} {Id} from {DeviceId}: already stored")]
    public static partial void Duplicate(ILogger logger, string kind, Guid id, string deviceId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Could not store {Kind} {Id} from {DeviceId}; it stays unacknowledged and the broker will deliver it again")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string kind, Guid id, string deviceId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Acknowledged {Count} records to {DeviceId}")]
    public static partial void Acknowledged(ILogger logger, int count, string deviceId);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Could not publish the acknowledgement of {Count} records to {DeviceId}: {Reason}; they will be acknowledged when re-sent")]
    public static partial void AckFailed(ILogger logger, int count, string deviceId, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Could not acknowledge delivery on {Topic} to the broker: {Reason}; the broker will deliver it again")]
    public static partial void DeliveryAckFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Reconnecting so the broker delivers the unstored messages again")]
    public static partial void ReconnectingAfterStoreFailure(ILogger logger);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Disconnected from MQTT broker as requested")]
    public static partial void DisconnectedCleanly(ILogger logger);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Ingest stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Could not keep the status of device {DeviceId}; its next status replaces it")]
    public static partial void StateNotKept(ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "Refusing MQTT broker {Broker}: {Reason}; trusted: {TrustedCa} (caFile)")]
    public static partial void BrokerCertificateRefused(ILogger logger, Uri broker, string reason, string trustedCa);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information, Message = "Command {Command} {CommandId} sent to {DeviceId}: {Result}")]
    public static partial void CommandSent(ILogger logger, string command, Guid commandId, string deviceId, MQTTnet.MqttClientPublishReasonCode result);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Error, Message = "Could not keep a refused message on {Topic} in the dead letters; it stays unacknowledged and the broker delivers it again")]
    public static partial void DeadLetterFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Information, Message = "Acknowledgements and commands are signed with bridge key {KeyId} ({Path})")]
    public static partial void SigningWith(ILogger logger, string keyId, string path);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Warning, Message = "No bridge key at {Path}: acknowledgements and commands go unsigned, and devices that trust a bridge key refuse them (create it with alpr-bridge hotlist keygen)")]
    public static partial void NotSigning(ILogger logger, string path);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Ingest queue full: a QoS 0 message on {Topic} was dropped (devices send data at QoS 1)")]
    public static partial void QueueFull(ILogger logger, string topic);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning, Message = "Could not store a batch of {Count} messages in one transaction (nothing of it was kept); storing them one by one")]
    public static partial void BatchStoreFailed(ILogger logger, Exception exception, int count);
}
