using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using Alpr.Edge.Contracts;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// A passive subscriber on <c>alpr/v1/#</c> that records every message in arrival order with its receive time
/// (wall clock and a monotonic stamp); it acknowledges nothing at the application level.
/// </summary>
internal sealed class TopicRecorder : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly IMqttClient _client;

    private TopicRecorder(IMqttClient client) => _client = client;

    public ConcurrentQueue<RecordedMessage> Messages { get; } = new();

    public static async Task<TopicRecorder> ConnectAsync(Uri broker, string filter = MqttTopics.Root + "/#")
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var recorder = new TopicRecorder(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.Payload.ToArray();
            recorder.Messages.Enqueue(new RecordedMessage(e.ApplicationMessage.Topic, payload, e.ApplicationMessage.Retain, DateTimeOffset.UtcNow, Stopwatch.GetTimestamp()));
            return Task.CompletedTask;
        };
        using var deadline = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId($"recorder-{Guid.NewGuid():N}")
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithCleanStart(true)
                .WithTimeout(Timeout)
                .Build(),
            deadline.Token);
        await client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
        return recorder;
    }

    /// <summary>Messages whose topic ends with <c>/<paramref name="leaf"/></c>, in arrival order.</summary>
    public IReadOnlyList<RecordedMessage> On(string leaf) => [.. Messages.Where(m => m.Topic.EndsWith("/" + leaf, StringComparison.Ordinal))];

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

/// <summary>One recorded message.</summary>
internal sealed record RecordedMessage(string Topic, byte[] Payload, bool Retained, DateTimeOffset ReceivedAt, long ReceivedTimestamp)
{
    /// <summary>The id of a read, hit or event payload; Guid.Empty for others.</summary>
    public Guid Id =>
        Topic.EndsWith("/hit", StringComparison.Ordinal) && WireFormat.TryParse(Payload, ContractsJson.Default.HotlistHitMessage, out var hit, out _) ? hit!.Id
        : Topic.EndsWith("/read", StringComparison.Ordinal) && WireFormat.TryParse(Payload, ContractsJson.Default.PlateReadMessage, out var read, out _) ? read!.Id
        : Topic.EndsWith("/event", StringComparison.Ordinal) && WireFormat.TryParse(Payload, ContractsJson.Default.DeviceEventMessage, out var deviceEvent, out _) ? deviceEvent!.Id
        : Guid.Empty;
}
