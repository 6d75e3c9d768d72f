using Alpr.Edge.MqttTls;
using System.Buffers;
using System.Text;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Events;
using Alpr.Edge.Firmware.Reads;
using Alpr.Edge.Firmware.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Sends the device store's outbox to the bridge over MQTT 5 and marks records acknowledged when the
/// bridge says it has stored them. A supervising loop connects, runs a session and, when the session
/// fails, waits with doubling back-off (with jitter) before connecting again; the Disconnected event
/// only ends the session. Each session: last will <c>offline</c> (retained), subscribe to the ack topic and
/// every inbound handler's topic, retained <c>online</c>, in-flight records returned to the outbox, the periodic
/// status (retained, on <c>health</c>), then hits, then events, then reads (each oldest first, QoS 1; reads at
/// most <see cref="UplinkOptions.MaxReadsPerSecond"/> and re-checking for hits between batches).
/// A clean stop publishes retained <c>stopped</c> and disconnects normally. See docs/uplink.md.
/// </summary>
internal sealed class UplinkService : BackgroundService
{
    private readonly DeviceStore _store;
    private readonly OutboxSignal _signal;
    private readonly IReadReporter[] _reporters;
    private readonly UplinkOptions _options;
    private readonly BrokerAddress _broker;
    private readonly string _brokerName;
    private readonly string _deviceId;
    private readonly string _clientId;
    private readonly TimeProvider _timeProvider;
    private readonly UplinkMetrics _metrics;
    private readonly IDeviceEvents _events;
    private readonly InboundDispatcher _inbound;
    private readonly DeviceHealthCollector _health;
    private readonly UplinkTls? _tls;
    private readonly BridgeMessageTrust _trust;
    private readonly ILogger<UplinkService> _logger;

    public UplinkService(
        DeviceStore store,
        OutboxSignal signal,
        IEnumerable<IReadReporter> reporters,
        IOptions<UplinkOptions> options,
        IOptions<DeviceOptions> device,
        TimeProvider timeProvider,
        UplinkMetrics metrics,
        IDeviceEvents events,
        IEnumerable<IInboundMessageHandler> handlers,
        DeviceHealthCollector health,
        BridgeMessageTrust trust,
        ILogger<UplinkService> logger)
    {
        _store = store;
        _signal = signal;
        _reporters = [.. reporters];
        _options = options.Value;
        _ = BrokerAddress.TryParse(_options.BrokerUrl, out var broker, out _);
        _broker = broker ?? throw new InvalidOperationException("Uplink:BrokerUrl was not validated");
        _brokerName = _broker.ToString();
        _deviceId = device.Value.DeviceId!;
        _clientId = _options.ClientId ?? $"alpr-edge-{_deviceId}";
        _timeProvider = timeProvider;
        _metrics = metrics;
        _events = events;
        _health = health;
        _trust = trust;
        _logger = logger;
        _inbound = new InboundDispatcher(handlers, _deviceId, events, logger);
        _tls = _broker.UseTls ? new UplinkTls(_options, _brokerName, logger) : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbound = _inbound.RunAsync(stoppingToken);
        try
        {
            await SuperviseAsync(stoppingToken);
        }
        finally
        {
            await inbound;
        }
    }

    private async Task SuperviseAsync(CancellationToken stoppingToken)
    {
        var delay = _options.ReconnectMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var connected = false;
            try
            {
                await RunSessionAsync(client, () => connected = true, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await StopCleanlyAsync(client);
                return;
            }
            catch (Exception ex)
            {
                _metrics.ConnectionFailed();
                if (connected)
                {
                    delay = _options.ReconnectMinDelay;
                }

                var wait = delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
                UplinkLog.ConnectionFailed(_logger, _brokerName, OneLine(ex), wait);
                UplinkLog.FailureDetail(_logger, ex);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
                try
                {
                    await Task.Delay(wait, _timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunSessionAsync(IMqttClient client, Action onConnected, CancellationToken stoppingToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task OnDisconnected(MqttClientDisconnectedEventArgs args)
        {
            session.Cancel();
            return Task.CompletedTask;
        }

        client.DisconnectedAsync += OnDisconnected;
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        try
        {
            await WithDeadline(_options.ConnectTimeout, "connect", token => client.ConnectAsync(BuildClientOptions(), token), stoppingToken);
            var subscribeBuilder = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(MqttTopics.Ack(_deviceId)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            foreach (var topic in _inbound.Topics)
            {
                subscribeBuilder = subscribeBuilder.WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            }

            var subscribe = subscribeBuilder.Build();
            await WithDeadline(_options.OperationTimeout, "subscribe", token => client.SubscribeAsync(subscribe, token), session.Token);
            await WithDeadline(_options.OperationTimeout, "status", token => client.PublishAsync(Status(DeviceStatus.Online), token), session.Token);
            var returned = _store.ReturnInFlight();
            _metrics.Connected();
            onConnected();
            UplinkLog.Connected(_logger, _brokerName, _clientId, returned);

            var pollEvery = _options.AckTimeout / 2;
            var rate = new ReadRateLimiter(_options.MaxReadsPerSecond, _options.BatchSize, _timeProvider);
            var statusDue = _timeProvider.GetUtcNow();
            while (true)
            {
                // Hits first, then events, each in full; then at most one rate-limited batch of reads before looking again.
                if (await SendPendingAsync(client, RecordKind.Hit, _options.BatchSize, session.Token) > 0
                    || await SendPendingAsync(client, RecordKind.Event, _options.BatchSize, session.Token) > 0)
                {
                    continue;
                }

                if (_timeProvider.GetUtcNow() >= statusDue)
                {
                    await PublishHealthAsync(client, session.Token);
                    statusDue = _timeProvider.GetUtcNow() + _options.StatusInterval;
                }

                var window = (int)Math.Min(_options.BatchSize, _options.MaxInFlight - _store.CountAwaitingAck(_options.AckTimeout));
                var allowance = Math.Min(window, rate.Available());
                if (allowance > 0)
                {
                    var reads = _store.TakeForSending(RecordKind.Read, allowance, _options.AckTimeout);
                    if (reads.Count > 0)
                    {
                        // A read and its hits commit together, so every hit of these reads is in the store by now:
                        // hits taken after the reads (new ones included) go out before them.
                        while (await SendPendingAsync(client, RecordKind.Hit, _options.BatchSize, session.Token) > 0)
                        {
                        }

                        await PublishAsync(client, RecordKind.Read, reads, session.Token);
                        rate.Spend(reads.Count);
                        continue;
                    }
                }

                var wait = Min(pollEvery, statusDue - _timeProvider.GetUtcNow());
                if (window > 0 && allowance == 0)
                {
                    wait = Min(wait, rate.UntilNext());
                }

                await _signal.WaitAsync(Max(wait, TimeSpan.FromMilliseconds(1)), _timeProvider, session.Token);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested && session.IsCancellationRequested)
        {
            throw new IOException("the connection to the broker was lost");
        }
        finally
        {
            client.DisconnectedAsync -= OnDisconnected;
            client.ApplicationMessageReceivedAsync -= OnMessageAsync;
        }
    }

    private async Task<int> SendPendingAsync(IMqttClient client, RecordKind kind, int take, CancellationToken cancellationToken)
    {
        var records = _store.TakeForSending(kind, take, _options.AckTimeout);
        await PublishAsync(client, kind, records, cancellationToken);
        return records.Count;
    }

    private async Task PublishAsync(IMqttClient client, RecordKind kind, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        var (topic, kindName) = kind switch
        {
            RecordKind.Hit => (MqttTopics.Hit(_deviceId), "hit"),
            RecordKind.Event => (MqttTopics.Event(_deviceId), "event"),
            _ => (MqttTopics.Read(_deviceId), "read"),
        };
        foreach (var record in records)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(record.Payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithContentType("application/json")
                .Build();
            var result = await WithDeadline(_options.OperationTimeout, "publish", token => client.PublishAsync(message, token), cancellationToken);
            _metrics.Published(kindName);
            if (result.IsSuccess)
            {
                UplinkLog.Published(_logger, kindName, record.Id, record.Attempts);
            }
            else
            {
                UplinkLog.PublishRefused(_logger, kindName, record.Id, $"{result.ReasonCode} {result.ReasonString}");
            }
        }
    }

    private async Task PublishHealthAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var status = _health.Collect();
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Health(_deviceId))
            .WithPayload(WireFormat.Serialize(status, ContractsJson.Default.DeviceHealthMessage))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .WithRetainFlag(true)
            .Build();
        await WithDeadline(_options.OperationTimeout, "status", token => client.PublishAsync(message, token), cancellationToken);
        UplinkLog.StatusPublished(_logger, status.Backlog.Reads, status.Backlog.Hits, status.Backlog.Events);
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (message.Topic != MqttTopics.Ack(_deviceId))
        {
            _inbound.Enqueue(message.Topic, message.Payload);
            return Task.CompletedTask;
        }

        string? error = null;
        ReadAcknowledgement? ack = null;
        if (message.Payload.Length > WireFormat.MaxPayloadBytes
            || !_trust.TryOpen(message.Payload.ToArray(), ContractsJson.Default.ReadAcknowledgement, a => a.Claims(), checkReplay: true, out ack, out error)
            || ack!.Ids is null)
        {
            _metrics.MalformedAck();
            var reason = message.Payload.Length > WireFormat.MaxPayloadBytes
                ? $"payload of {message.Payload.Length} bytes exceeds the {WireFormat.MaxPayloadBytes}-byte limit"
                : _trust.Required && error is not null ? error : $"not a ReadAcknowledgement ({error ?? "no ids"})";
            UplinkLog.MalformedAck(_logger, message.Topic, reason);
            _inbound.Reject(message.Topic, message.Payload.Length, reason);
            return Task.CompletedTask;
        }

        try
        {
            var changed = _store.MarkAcked(ack.Ids);
            _signal.Notify();
            _metrics.Acknowledged(changed);
            _metrics.IgnoredAckIds(ack.Ids.Count - changed);
            UplinkLog.Acknowledged(_logger, ack.Ids.Count, changed, ack.Ids.Count - changed);
            foreach (var reporter in _reporters)
            {
                reporter.Acknowledged(ack.Ids);
            }
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            // Not marked: the records stay in flight and are sent again; the bridge acknowledges again.
            UplinkLog.AckNotApplied(_logger, ex, ack.Ids.Count);
        }

        return Task.CompletedTask;
    }

    private async Task StopCleanlyAsync(IMqttClient client)
    {
        var published = false;
        if (client.IsConnected)
        {
            try
            {
                using var deadline = new NetworkDeadline(_options.OperationTimeout, _timeProvider, CancellationToken.None);
                await client.PublishAsync(Status(DeviceStatus.Stopped), deadline.Token);
                await client.DisconnectAsync(
                    new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(),
                    deadline.Token);
                published = true;
            }
            catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                UplinkLog.FailureDetail(_logger, ex);
            }
        }

        UplinkLog.Stopped(_logger, published);
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_broker.Host, _broker.Port)
            .WithClientId(_clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.OperationTimeout)
            .WithWillTopic(MqttTopics.Status(_deviceId))
            .WithWillPayload(Encoding.UTF8.GetBytes(DeviceStatus.Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_tls is not null)
        {
            builder = _tls.Apply(builder, _broker.Host, _options);
        }

        return builder.Build();
    }

    private MqttApplicationMessage Status(string status) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Status(_deviceId))
            .WithPayload(Encoding.UTF8.GetBytes(status))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .Build();

    private async Task<T> WithDeadline<T>(TimeSpan timeout, string what, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var deadline = new NetworkDeadline(timeout, _timeProvider, cancellationToken);
        try
        {
            return await operation(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} took longer than {timeout}");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string OneLine(Exception ex) => BrokerErrorText.Describe(ex);
}
