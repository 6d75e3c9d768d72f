using System.Buffers;
using System.Text;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Device;
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
/// only ends the session. Each session: last will <c>offline</c> (retained), subscribe to the ack topic,
/// retained <c>online</c>, in-flight records returned to the outbox, then hits (oldest first) before
/// reads (oldest first), QoS 1. A clean stop publishes retained <c>stopped</c> and disconnects normally.
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
    private readonly ILogger<UplinkService> _logger;

    public UplinkService(
        DeviceStore store,
        OutboxSignal signal,
        IEnumerable<IReadReporter> reporters,
        IOptions<UplinkOptions> options,
        IOptions<DeviceOptions> device,
        TimeProvider timeProvider,
        UplinkMetrics metrics,
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
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(MqttTopics.Ack(_deviceId)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            await WithDeadline(_options.OperationTimeout, "subscribe", token => client.SubscribeAsync(subscribe, token), session.Token);
            await WithDeadline(_options.OperationTimeout, "status", token => client.PublishAsync(Status(DeviceStatus.Online), token), session.Token);
            var returned = _store.ReturnInFlight();
            _metrics.Connected();
            onConnected();
            UplinkLog.Connected(_logger, _brokerName, _clientId, returned);

            var pollEvery = _options.AckTimeout / 2;
            while (true)
            {
                if (await SendPendingAsync(client, RecordKind.Hit, session.Token) > 0
                    || await SendPendingAsync(client, RecordKind.Read, session.Token) > 0)
                {
                    continue;
                }

                await _signal.WaitAsync(pollEvery, _timeProvider, session.Token);
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

    private async Task<int> SendPendingAsync(IMqttClient client, RecordKind kind, CancellationToken cancellationToken)
    {
        var take = kind == RecordKind.Hit
            ? _options.BatchSize
            : (int)Math.Min(_options.BatchSize, _options.MaxInFlight - _store.CountAwaitingAck(_options.AckTimeout));
        if (take <= 0)
        {
            return 0;
        }

        var records = _store.TakeForSending(kind, take, _options.AckTimeout);
        var topic = kind == RecordKind.Hit ? MqttTopics.Hit(_deviceId) : MqttTopics.Read(_deviceId);
        var kindName = kind == RecordKind.Hit ? "hit" : "read";
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

        return records.Count;
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (message.Topic != MqttTopics.Ack(_deviceId))
        {
            return Task.CompletedTask;
        }

        if (message.Payload.Length > WireFormat.MaxPayloadBytes
            || !WireFormat.TryParse(message.Payload.ToArray(), ContractsJson.Default.ReadAcknowledgement, out var ack, out var error))
        {
            _metrics.MalformedAck();
            UplinkLog.MalformedAck(_logger, message.Topic, $"payload of {message.Payload.Length} bytes is not a ReadAcknowledgement");
            return Task.CompletedTask;
        }

        if (ack is null || ack.Ids is null)
        {
            _metrics.MalformedAck();
            UplinkLog.MalformedAck(_logger, message.Topic, error ?? "no ids");
            return Task.CompletedTask;
        }

        try
        {
            var changed = _store.MarkAcked(ack.Ids);
            _signal.Notify();
            _metrics.Acknowledged(changed);
            UplinkLog.Acknowledged(_logger, ack.Ids.Count, changed);
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
        if (_broker.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
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

    private static string OneLine(Exception ex)
    {
        var message = ex.InnerException is { } inner && ex.Message.Length < 40 ? $"{ex.Message} ({inner.Message})" : ex.Message;
        return message.ReplaceLineEndings(" ");
    }
}
