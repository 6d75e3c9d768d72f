using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Alpr.Edge.IntegrationTests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alpr.Edge.IntegrationTests.Broker;

/// <summary>An MQTT 5 client with a certificate (its CN is its identity) that records what it receives and whether it was disconnected.</summary>
internal sealed class AclClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly IMqttClient _client;

    private AclClient(IMqttClient client) => _client = client;

    public ConcurrentQueue<(string Topic, string Payload)> Received { get; } = new();

    public int Disconnections { get; private set; }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects with <paramref name="certificates"/>' certificate for <paramref name="identity"/> (none when null), as <paramref name="clientId"/>.</summary>
    public static async Task<AclClient> ConnectAsync(MosquittoBroker broker, TestCertificates authority, string caFile, string? identity, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var recorder = new AclClient(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            recorder.Received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += _ =>
        {
            recorder.Disconnections++;
            return Task.CompletedTask;
        };
        var trust = new X509Certificate2Collection(X509Certificate2.CreateFromPem(File.ReadAllText(caFile)));
        var certificates = new X509Certificate2Collection();
        if (identity is not null)
        {
            var (certificate, key) = authority.IssueClient(identity);
            certificates.Add(X509Certificate2.CreateFromPemFile(certificate, key));
        }

        using var deadline = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Url.Host, broker.Url.Port)
                .WithClientId(clientId ?? identity ?? $"anonymous-{Guid.NewGuid():N}")
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithCleanStart(true)
                .WithTimeout(Timeout)
                .WithTlsOptions(tls => tls.UseTls().WithClientCertificates(certificates).WithTrustChain(trust))
                .Build(),
            deadline.Token);
        return recorder;
    }

    /// <summary>Subscribes at QoS 1 and returns the broker's reason code for the filter.</summary>
    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        var result = await _client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
        return result.Items.Single().ResultCode;
    }

    /// <summary>Publishes at QoS 1 and returns the broker's reason code.</summary>
    public async Task<MqttClientPublishReasonCode> PublishAsync(string topic, string payload, int extraBytes = 0)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(extraBytes > 0 ? Encoding.UTF8.GetBytes(payload + new string('x', extraBytes)) : Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, deadline.Token);
        return result.ReasonCode;
    }

    /// <summary>Whether a message with <paramref name="payload"/> arrived.</summary>
    public bool Got(string payload) => Received.Any(m => m.Payload == payload);

    /// <summary>Waits until a message with <paramref name="payload"/> arrived.</summary>
    public async Task WaitForAsync(string payload, TimeSpan patience)
    {
        using var deadline = new CancellationTokenSource(patience);
        while (!Got(payload))
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"'{payload}' did not arrive within {patience}; got: {string.Join(", ", Received.Select(m => m.Topic + " " + m.Payload))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var deadline = new CancellationTokenSource(Timeout);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), deadline.Token);
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The broker already dropped this client (a refused oversized packet); nothing is left to close politely.
        }

        _client.Dispose();
    }
}
