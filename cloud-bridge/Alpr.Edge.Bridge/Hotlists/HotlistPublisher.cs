using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Alpr.Edge.Contracts;
using Alpr.Edge.MqttTls;
using MQTTnet.Exceptions;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.Bridge.Hotlists;

/// <summary>
/// Publishes a signed bundle to devices through the broker: retained, QoS 1, on <c>alpr/v1/{deviceId}/hotlist</c>,
/// so a device gets it when it next connects and again after every restart of its session.
/// </summary>
public static class HotlistPublisher
{
    /// <summary>
    /// Publishes <paramref name="bundle"/> to each device; returns the devices the broker acknowledged. Every wait has
    /// <paramref name="timeout"/>. An <c>mqtts://</c> broker is reached over TLS with <paramref name="tls"/>'s files;
    /// a broker whose certificate is refused throws <see cref="BrokerRefusedException"/> with the reason.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PublishAsync(
        Uri broker, byte[] bundle, IReadOnlyList<string> deviceIds, TimeSpan timeout, CancellationToken cancellationToken, MqttTlsSettings? tls = null)
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
            .WithTimeout(timeout);
        string? refusal = null;
        if (BridgeOptions.UsesTls(broker))
        {
            var trust = new BrokerTrust(tls?.CaFile);
            options = options.WithBrokerTls(broker.Host, tls ?? new MqttTlsSettings(null, null, null), args =>
            {
                if (trust.Accepts(args, out var reason))
                {
                    return true;
                }

                refusal = $"{reason}; trusted: {trust.TrustedName}";
                return false;
            });
        }

        try
        {
            await client.ConnectAsync(options.Build(), deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (refusal is not null && !cancellationToken.IsCancellationRequested)
        {
            throw new BrokerRefusedException(refusal, ex);
        }

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
