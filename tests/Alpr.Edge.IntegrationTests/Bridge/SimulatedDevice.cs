using System.Buffers;
using System.Threading.Channels;
using Alpr.Edge.Contracts;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>An MQTT client that publishes reads and hits the way a device does and collects the bridge's acknowledgements.</summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly IMqttClient _client;
    private readonly Channel<ReadAcknowledgement> _acks = Channel.CreateUnbounded<ReadAcknowledgement>();

    private SimulatedDevice(IMqttClient client, string deviceId)
    {
        _client = client;
        DeviceId = deviceId;
    }

    public string DeviceId { get; }

    public static async Task<SimulatedDevice> ConnectAsync(Uri broker, string deviceId)
    {
        var factory = new MqttClientFactory();
        var client = factory.CreateMqttClient();
        var device = new SimulatedDevice(client, deviceId);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (WireFormat.TryParse(e.ApplicationMessage.Payload.ToArray(), ContractsJson.Default.ReadAcknowledgement, out var ack, out _))
            {
                device._acks.Writer.TryWrite(ack!);
            }

            return Task.CompletedTask;
        };
        var options = factory.CreateClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"device-{deviceId}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(Timeout)
            .Build();
        using var deadline = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(options, deadline.Token);
        await client.SubscribeAsync(MqttTopics.Ack(deviceId), MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
        return device;
    }

    public Task PublishReadAsync(PlateReadMessage read) =>
        PublishRawAsync(MqttTopics.Read(DeviceId), WireFormat.Serialize(read, ContractsJson.Default.PlateReadMessage));

    public Task PublishHitAsync(HotlistHitMessage hit) =>
        PublishRawAsync(MqttTopics.Hit(DeviceId), WireFormat.Serialize(hit, ContractsJson.Default.HotlistHitMessage));

    public async Task PublishRawAsync(string topic, byte[] payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var deadline = new CancellationTokenSource(Timeout);
        var result = await _client.PublishAsync(message, deadline.Token);
        Assert.True((int)result.ReasonCode < 0x80, $"publish on {topic} refused: {result.ReasonCode}");
    }

    /// <summary>Waits for acknowledgements until every id in <paramref name="ids"/> has been acknowledged.</summary>
    public async Task<IReadOnlyList<ReadAcknowledgement>> WaitForAcksAsync(params Guid[] ids) =>
        await WaitForAcksAsync(Timeout, ids);

    public async Task<IReadOnlyList<ReadAcknowledgement>> WaitForAcksAsync(TimeSpan timeout, params Guid[] ids)
    {
        var missing = new HashSet<Guid>(ids);
        var received = new List<ReadAcknowledgement>();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (missing.Count > 0)
            {
                var ack = await _acks.Reader.ReadAsync(deadline.Token);
                received.Add(ack);
                missing.ExceptWith(ack.Ids);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no acknowledgement of {string.Join(", ", missing)} within {timeout}");
        }

        return received;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var deadline = new CancellationTokenSource(Timeout);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), deadline.Token);
        }

        _client.Dispose();
    }
}
