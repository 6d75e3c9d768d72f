using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Hotlists;

/// <summary>
/// Publishes a signed bundle to devices through the broker: retained, QoS 1, on <c>alpr/v1/{deviceId}/hotlist</c>,
/// so a device gets it when it next connects and again after every restart of its session.
/// </summary>
public static class HotlistPublisher
{
    /// <summary>Publishes <paramref name="bundle"/> to each device; returns the devices the broker acknowledged. Every wait has <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<string>> PublishAsync(Uri broker, byte[] bundle, IReadOnlyList<string> deviceIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(deviceIds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"alpr-bridge-hotlist-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart()
            .WithTimeout(timeout)
            .Build();
        await client.ConnectAsync(options, deadline.Token).ConfigureAwait(false);
        var published = new List<string>();
        foreach (var deviceId in deviceIds)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(MqttTopics.Hotlist(deviceId))
                .WithPayload(bundle)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .Build();
            var result = await client.PublishAsync(message, deadline.Token).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                published.Add(deviceId);
            }
        }

        await client.DisconnectAsync(new MqttClientDisconnectOptions(), deadline.Token).ConfigureAwait(false);
        return published;
    }
}
