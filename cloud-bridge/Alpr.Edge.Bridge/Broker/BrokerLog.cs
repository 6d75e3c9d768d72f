using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Broker;

/// <summary>Embedded broker log messages (event ids 2000-2099).</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on 127.0.0.1:{Port}")]
    public static partial void Started(ILogger logger, int port);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Embedded MQTT broker stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Embedded broker: client {ClientId} connected")]
    public static partial void ClientConnected(ILogger logger, string clientId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Embedded broker: client {ClientId} disconnected ({Type})")]
    public static partial void ClientDisconnected(ILogger logger, string clientId, MQTTnet.Server.MqttClientDisconnectType type);
}
