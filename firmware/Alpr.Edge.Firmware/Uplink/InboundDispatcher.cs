using System.Buffers;
using System.Globalization;
using System.Threading.Channels;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Events;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Bridge-to-device traffic other than acknowledgements: the topics of every <see cref="IInboundMessageHandler"/>,
/// a bounded queue filled from the MQTT receive loop (so a slow handler never stalls acknowledgements), and one
/// consumer that hands each message to its handler. Unknown topics, oversized payloads, a full queue and handler
/// exceptions are logged and raised as <see cref="DeviceEventKinds.InboundRejected"/>; nothing is thrown.
/// </summary>
internal sealed class InboundDispatcher
{
    /// <summary>Messages waiting for their handler at most; more are rejected.</summary>
    public const int QueueCapacity = 64;

    private readonly Dictionary<string, IInboundMessageHandler> _handlers;
    private readonly IDeviceEvents _events;
    private readonly ILogger _logger;
    private readonly Channel<(string Topic, byte[] Payload, IInboundMessageHandler Handler)> _queue =
        Channel.CreateBounded<(string, byte[], IInboundMessageHandler)>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public InboundDispatcher(IEnumerable<IInboundMessageHandler> handlers, string deviceId, IDeviceEvents events, ILogger logger)
    {
        _events = events;
        _logger = logger;
        _handlers = new Dictionary<string, IInboundMessageHandler>(StringComparer.Ordinal);
        var reserved = new[] { MqttTopics.Ack(deviceId), MqttTopics.Read(deviceId), MqttTopics.Hit(deviceId), MqttTopics.Event(deviceId), MqttTopics.Status(deviceId), MqttTopics.Health(deviceId) };
        foreach (var handler in handlers)
        {
            var topic = handler.Topic(deviceId);
            if (topic.Contains('+', StringComparison.Ordinal) || topic.Contains('#', StringComparison.Ordinal) || reserved.Contains(topic, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"{handler.GetType().Name} claims topic '{topic}', which is a wildcard or belongs to the uplink itself");
            }

            if (!_handlers.TryAdd(topic, handler))
            {
                throw new InvalidOperationException($"{handler.GetType().Name} and {_handlers[topic].GetType().Name} both claim topic '{topic}'");
            }
        }
    }

    /// <summary>The topics to subscribe to on every connection.</summary>
    public IReadOnlyCollection<string> Topics => _handlers.Keys;

    /// <summary>Checks a received message and queues it for its handler; called from the MQTT receive loop, never blocks.</summary>
    public void Enqueue(string topic, ReadOnlySequence<byte> payload)
    {
        if (!_handlers.TryGetValue(topic, out var handler))
        {
            Reject(topic, payload.Length, "no handler for this topic");
            return;
        }

        if (payload.Length > handler.MaxPayloadBytes)
        {
            Reject(topic, payload.Length, $"payload of {payload.Length} bytes exceeds the {handler.MaxPayloadBytes}-byte limit");
            return;
        }

        if (!_queue.Writer.TryWrite((topic, payload.ToArray(), handler)))
        {
            Reject(topic, payload.Length, $"{QueueCapacity} inbound messages are already waiting");
        }
    }

    /// <summary>Hands queued messages to their handlers until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (topic, payload, handler) in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await handler.HandleAsync(payload, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    UplinkLog.HandlerFailed(_logger, ex, topic);
                    Raise(topic, payload.Length, $"handler {handler.GetType().Name} failed: {ex.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Logs a refused message and raises an <see cref="DeviceEventKinds.InboundRejected"/> event.</summary>
    public void Reject(string topic, long bytes, string reason)
    {
        UplinkLog.InboundRejected(_logger, topic, reason);
        Raise(topic, bytes, reason);
    }

    private void Raise(string topic, long bytes, string reason) =>
        _events.Raise(
            DeviceEventKinds.InboundRejected,
            DeviceEventSeverity.Warning,
            $"Message on {topic} rejected: {reason}",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["topic"] = topic,
                ["bytes"] = bytes.ToString(CultureInfo.InvariantCulture),
                ["reason"] = reason,
            });
}
