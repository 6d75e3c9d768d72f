using Alpr.Edge.MqttTls;
using Alpr.Edge.Firmware.Uplink;
using Alpr.Edge.Hardware.SelfTest;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Adapter;
using MQTTnet.Formatter;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>Connects to the MQTT broker (TCP, TLS for <c>mqtts://</c>, MQTT 5 CONNECT) within a deadline, then disconnects.</summary>
internal static class BrokerCheck
{
    private const string Name = "broker";

    public static async Task<SelfTestCheck> RunAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!BrokerAddress.TryParse(url, out var broker, out var reason))
        {
            return SelfTestCheck.Fail(Name, reason!, "set Uplink:BrokerUrl (or --broker) to mqtt://HOST[:PORT] or mqtts://HOST[:PORT]");
        }

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker!.Host, broker.Port)
            .WithClientId($"alpr-edge-selftest-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(timeout);
        if (broker.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var fix = $"start the broker, or check the address, the network and that port {broker.Port} is open from the pole (Uplink:BrokerUrl, --broker)";
        try
        {
            var result = await client.ConnectAsync(builder.Build(), deadline.Token);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return SelfTestCheck.Fail(Name, $"{broker} refused the connection: {result.ResultCode}", "check the broker's access rules for this device");
            }

            await client.DisconnectAsync(new MqttClientDisconnectOptions(), deadline.Token);
            return SelfTestCheck.Pass(Name, $"{broker} accepted an MQTT 5 connection");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SelfTestCheck.Fail(Name, $"{broker} did not answer within {timeout.TotalSeconds:F0} s", fix);
        }
        catch (MqttConnectingFailedException ex)
        {
            return SelfTestCheck.Fail(Name, $"{broker} refused the connection: {ex.Message}", "check the broker's access rules for this device");
        }
        catch (Exception ex) when (ex is MqttCommunicationException or System.Net.Sockets.SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return SelfTestCheck.Fail(Name, $"{broker}: {BrokerErrorText.Describe(ex)}", fix);
        }
    }
}
