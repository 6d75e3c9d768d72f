using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Alpr.Edge.Contracts;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// Plays the bridge's part of the protocol for firmware tests: receives reads and hits and acknowledges
/// them when <c>shouldAck(id, delivery)</c> says so (the real bridge acks after storing).
/// </summary>
internal sealed class TestBridge : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly IMqttClient _client;
    private readonly Func<Guid, int, bool> _shouldAck;
    private readonly Channel<(string DeviceId, Guid Id)> _toAck = Channel.CreateUnbounded<(string, Guid)>();
    private Task _acking = Task.CompletedTask;
    private readonly HashSet<Guid> _acked = [];
    private readonly Channel<bool> _delivered = Channel.CreateUnbounded<bool>();

    private TestBridge(IMqttClient client, Func<Guid, int, bool> shouldAck)
    {
        _client = client;
        _shouldAck = shouldAck;
    }

    /// <summary>Every delivery, in arrival order: topic kind ("read"/"hit") and id.</summary>
    public ConcurrentQueue<(string Kind, Guid Id)> Deliveries { get; } = new();

    public static async Task<TestBridge> ConnectAsync(Uri broker, Func<Guid, int, bool> shouldAck, Func<MqttClientOptionsBuilder, MqttClientOptionsBuilder>? tls = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var bridge = new TestBridge(client, shouldAck);
        client.ApplicationMessageReceivedAsync += bridge.OnMessageAsync;
        using var deadline = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(Options(broker, "test-bridge", tls), deadline.Token);
        await client.SubscribeAsync(MqttTopics.AllReads, MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
        await client.SubscribeAsync(MqttTopics.AllHits, MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
        bridge._acking = bridge.AckAsync();
        return bridge;
    }

    /// <summary>The retained payload on a device's status topic, as a fresh subscriber sees it.</summary>
    public static async Task<string> RetainedStatusAsync(Uri broker, string deviceId)
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        using var deadline = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(Options(broker, $"status-reader-{Guid.NewGuid():N}"), deadline.Token);
        await client.SubscribeAsync(MqttTopics.Status(deviceId), MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
        var status = await received.Task.WaitAsync(deadline.Token);
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), deadline.Token);
        return status;
    }

    public int DeliveriesOf(Guid id) => Deliveries.Count(d => d.Id == id);

    /// <summary>The most records delivered and not yet acknowledged by this bridge at any one time.</summary>
    public int MaxOutstanding { get; private set; }

    /// <summary>Acknowledges <paramref name="ids"/> to a device, as the bridge does after storing them.</summary>
    public async Task AcknowledgeAsync(string deviceId, IReadOnlyList<Guid> ids)
    {
        lock (_acked)
        {
            _acked.UnionWith(ids);
        }

        var ack = new ReadAcknowledgement { Ids = ids, StoredAt = DateTimeOffset.UtcNow };
        await PublishRawAsync(MqttTopics.Ack(deviceId), WireFormat.Serialize(ack, ContractsJson.Default.ReadAcknowledgement));
    }

    public async Task WaitForDistinctDeliveriesAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Deliveries.Select(d => d.Id).Distinct().Count() < count)
        {
            try
            {
                await _delivered.Reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"fewer than {count} records delivered within {timeout}");
            }
        }
    }

    public async Task PublishRawAsync(string topic, byte[] payload)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        await _client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _toAck.Writer.TryComplete();
        await _acking;
        if (_client.IsConnected)
        {
            using var deadline = new CancellationTokenSource(Timeout);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), deadline.Token);
        }

        _client.Dispose();
    }

    private static MqttClientOptions Options(Uri broker, string clientId, Func<MqttClientOptionsBuilder, MqttClientOptionsBuilder>? tls = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(Timeout);
        return (tls is null ? builder : tls(builder)).Build();
    }

    // Acks go out from their own loop, not from inside the receive handler.
    private async Task AckAsync()
    {
        await foreach (var (deviceId, id) in _toAck.Reader.ReadAllAsync())
        {
            await AcknowledgeAsync(deviceId, [id]);
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        var deviceId = MqttTopics.DeviceIdOf(topic);
        var payload = e.ApplicationMessage.Payload.ToArray();
        Guid id;
        string kind;
        if (topic.EndsWith("/hit", StringComparison.Ordinal)
            && WireFormat.TryParse(payload, ContractsJson.Default.HotlistHitMessage, out var hit, out _))
        {
            (kind, id) = ("hit", hit!.Id);
        }
        else if (WireFormat.TryParse(payload, ContractsJson.Default.PlateReadMessage, out var read, out _))
        {
            (kind, id) = ("read", read!.Id);
        }
        else
        {
            return Task.CompletedTask;
        }

        Deliveries.Enqueue((kind, id));
        lock (_acked)
        {
            MaxOutstanding = Math.Max(MaxOutstanding, Deliveries.Select(d => d.Id).Distinct().Count(d => !_acked.Contains(d)));
        }

        _delivered.Writer.TryWrite(true);
        if (deviceId is not null && _shouldAck(id, DeliveriesOf(id)))
        {
            _toAck.Writer.TryWrite((deviceId, id));
        }

        return Task.CompletedTask;
    }
}
