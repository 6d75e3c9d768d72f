using System.Threading.Channels;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Printing;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;
using Alpr.Edge.MqttTls;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>
/// Receives reads, hits and device events from devices over MQTT 5 (persistent session, QoS 1), stores them,
/// publishes a <see cref="ReadAcknowledgement"/> to each device, and only then acknowledges the
/// delivery to the broker, so nothing is lost if the bridge stops half way. It also keeps each device's
/// availability (status topic) and latest periodic status (health topic), and sends commands to devices.
/// A supervising loop owns the connection: it reconnects with back-off; the Disconnected event only signals it.
/// </summary>
public sealed class MqttIngestService : BackgroundService
{
    private const int MaxBatch = 256;
    private readonly BridgeOptions _options;
    private readonly ICentralStore _store;
    private readonly RecordPrinter _printer;
    private readonly IngestState _state;
    private readonly IngestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly BridgeMessageSigner _signer;
    private readonly DeviceAdmission _admission;
    private readonly ILogger<MqttIngestService> _logger;
    private readonly MqttClientFactory _factory = new();
    /// <summary>Largest MQTT packet the bridge takes from the broker (MQTT 5 Maximum Packet Size): the broker drops bigger ones for it.</summary>
    public const int MaxPacketBytes = 2 * 1024 * 1024;

    // Bounded, and never blocking the MQTT receive loop (that would stall the acknowledgements we publish): the broker sends
    // at most MaxInFlight unacknowledged QoS 1 messages (receive maximum), for which room is always kept; QoS 0 messages,
    // which no device sends for data, are dropped and counted once the rest of the queue is full.
    private readonly Channel<IncomingMessage> _incoming;
    private readonly int _queueCapacity;
    private TaskCompletionSource _disconnected = NewSignal();
    private bool _disconnectRequested;
    private volatile IMqttClient? _commandClient;

    /// <summary>Creates the service; it connects when the host starts.</summary>
    public MqttIngestService(
        IOptions<BridgeOptions> options,
        ICentralStore store,
        RecordPrinter printer,
        IngestState state,
        IngestMetrics metrics,
        TimeProvider time,
        BridgeMessageSigner signer,
        DeviceAdmission admission,
        ILogger<MqttIngestService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _store = store;
        _printer = printer;
        _state = state;
        _metrics = metrics;
        _time = time;
        _signer = signer;
        _admission = admission;
        _logger = logger;
        _queueCapacity = (2 * _options.MaxInFlight) + 256;
        _incoming = Channel.CreateBounded<IncomingMessage>(new BoundedChannelOptions(_queueCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _admission.LoadAsync(_store, stoppingToken);
        }
        catch (StoreUnavailableException)
        {
            // The store reports its own failure; new devices are then admitted up to the cap as they appear.
        }

        using var client = _factory.CreateMqttClient();
        _commandClient = client;
        client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        client.DisconnectedAsync += OnDisconnectedAsync;
        var processing = ProcessAsync(client, stoppingToken);
        try
        {
            await SuperviseAsync(client, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: MQTTnet reports a cancelled wait as a timeout, so any exception ends here.
        }
        finally
        {
            _state.MarkNotReady();
            _incoming.Writer.TryComplete();
            await processing;
            _commandClient = null;
            await DisconnectAsync(client);
            IngestLog.Stopped(_logger);
        }
    }

    private async Task SuperviseAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var broker = _options.ResolveBrokerUri();
        var backoff = new ExponentialBackoff(_options.ReconnectDelayMin, _options.ReconnectDelayMax);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                _state.MarkNotReady();
                try
                {
                    await ConnectAndSubscribeAsync(client, broker, cancellationToken);
                    backoff.Reset();
                    _state.MarkReady();
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    var delay = backoff.Next();
                    IngestLog.ConnectFailed(_logger, broker, BrokerErrorText.Describe(ex), delay);
                    await Task.Delay(delay, _time, cancellationToken);
                    continue;
                }
            }

            try
            {
                await Volatile.Read(ref _disconnected).Task.WaitAsync(_options.ConnectionCheckInterval, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Periodic check of IsConnected.
            }
        }
    }

    private async Task ConnectAndSubscribeAsync(IMqttClient client, Uri broker, CancellationToken cancellationToken)
    {
        IngestLog.Connecting(_logger, broker, _options.ClientId);
        Volatile.Write(ref _disconnected, NewSignal());
        Volatile.Write(ref _disconnectRequested, false);
        var connectOptions = _factory.CreateClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(_options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)_options.MaxInFlight)
            .WithMaximumPacketSize(MaxPacketBytes)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(_options.OperationTimeout);
        if (BridgeOptions.UsesTls(broker))
        {
            // The CA and the client certificate are read at every connection, so renewed files are used on reconnect.
            var trust = new BrokerTrust(_options.CaFile);
            connectOptions = connectOptions.WithBrokerTls(broker.Host, _options.Tls, args =>
            {
                if (trust.Accepts(args, out var reason))
                {
                    return true;
                }

                IngestLog.BrokerCertificateRefused(_logger, broker, reason, trust.TrustedName);
                return false;
            });
        }

        MqttClientConnectResult connected;
        using (var deadline = Deadline(_options.ConnectTimeout, cancellationToken))
        {
            connected = await client.ConnectAsync(connectOptions.Build(), deadline.Token);
        }

        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"broker refused the connection: {connected.ResultCode} {connected.ReasonString}");
        }

        var subscribe = _factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(Shared(MqttTopics.AllReads)).WithAtLeastOnceQoS())
            .WithTopicFilter(f => f.WithTopic(Shared(MqttTopics.AllHits)).WithAtLeastOnceQoS())
            .WithTopicFilter(f => f.WithTopic(Shared(MqttTopics.AllEvents)).WithAtLeastOnceQoS())
            .WithTopicFilter(f => f.WithTopic(MqttTopics.AllStatus).WithAtLeastOnceQoS())
            .WithTopicFilter(f => f.WithTopic(MqttTopics.AllHealth).WithAtLeastOnceQoS())
            .Build();
        using (var deadline = Deadline(_options.OperationTimeout, cancellationToken))
        {
            var subscribed = await client.SubscribeAsync(subscribe, deadline.Token);
            var refused = subscribed.Items.FirstOrDefault(i => (int)i.ResultCode >= 0x80);
            if (refused is not null)
            {
                throw new InvalidOperationException($"broker refused the subscription to {refused.TopicFilter.Topic}: {refused.ResultCode}");
            }
        }

        IngestLog.Ready(_logger, broker, connected.IsSessionPresent);
    }

    /// <summary>
    /// The filter for records one instance of several takes (<c>$share/{group}/...</c>), or the plain filter. Retained
    /// status and health are not shared: a shared subscription gets no retained messages, and both instances may keep them.
    /// </summary>
    private string Shared(string filter) =>
        _options.SharedSubscriptionGroup is { } group ? $"$share/{group}/{filter}" : filter;

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce && _incoming.Reader.Count >= _queueCapacity - _options.MaxInFlight)
        {
            _metrics.QueueOverflow();
            IngestLog.QueueFull(_logger, message.Topic);
            return;
        }

        // Parse here, while the payload buffer is valid; PUBACK waits until the record is stored.
        var parsed = IngestParser.Parse(message.Topic, message.Payload, _time.GetUtcNow());
        if ((parsed.Record?.DeviceId ?? parsed.State?.DeviceId) is { } deviceId && _admission.Refusal(deviceId) is { } refusal)
        {
            parsed = IngestParseResult.Refused(refusal);
        }

        var deadLetter = parsed.Rejection is { } reason ? DeadLetter.Create(_time.GetUtcNow(), message.Topic, reason, message.Payload) : null;
        e.AutoAcknowledge = false;
        var incoming = new IncomingMessage(message.Topic, parsed, e, deadLetter);
        if (!_incoming.Writer.TryWrite(incoming))
        {
            // Full: the broker sent more unacknowledged messages than the receive maximum allows. A QoS 1 message is not
            // sent again on this connection, so dropping it would lose it until a reconnect: wait for room instead
            // (back-pressure on the broker). When stopping, the write fails and the message stays unacknowledged: the
            // broker keeps it for next time.
            try
            {
                await _incoming.Writer.WriteAsync(incoming);
            }
            catch (ChannelClosedException)
            {
            }
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            _state.MarkNotReady();
            if (Volatile.Read(ref _disconnectRequested))
            {
                IngestLog.DisconnectedCleanly(_logger);
            }
            else
            {
                IngestLog.Disconnected(_logger, e.Reason.ToString(), e.Exception?.Message ?? e.ReasonString);
            }
        }

        Volatile.Read(ref _disconnected).TrySetResult();
        return Task.CompletedTask;
    }

    private async Task ProcessAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var batch = new List<IncomingMessage>(MaxBatch);
        try
        {
            while (await _incoming.Reader.WaitToReadAsync(cancellationToken))
            {
                while (batch.Count < MaxBatch && _incoming.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                await ProcessBatchAsync(client, batch, cancellationToken);
                batch.Clear();
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping (MQTTnet reports a cancelled wait as a timeout). Unprocessed messages stay
            // unacknowledged; the broker delivers them again next time.
        }
    }

    private async Task ProcessBatchAsync(IMqttClient client, List<IncomingMessage> batch, CancellationToken cancellationToken)
    {
        var states = new Dictionary<(string DeviceId, bool Health), DeviceStateUpdate>();
        foreach (var message in batch)
        {
            _metrics.OnReceived();
            if (message.Parsed.State is { } state)
            {
                // Only the latest availability and status of a device in the batch matter: each replaces the one before.
                states[(state.DeviceId, state.Health is not null)] = state;
            }
        }

        foreach (var state in states.Values)
        {
            await TryKeepStateAsync(state, cancellationToken);
        }

        // The whole batch in one transaction; if that fails, record by record, so one record the store refuses holds
        // back only itself and what follows it.
        var outcome = await TryStoreBatchAsync(batch, cancellationToken) ?? await StoreEachAsync(batch, cancellationToken);

        var acknowledgedDevices = new HashSet<string>(StringComparer.Ordinal);
        var acks = outcome.StoredByDevice.Select(async pair =>
            (pair.Key, Published: await TryPublishAcknowledgementAsync(client, pair.Key, pair.Value, cancellationToken))).ToList();
        foreach (var (deviceId, published) in await Task.WhenAll(acks))
        {
            if (published)
            {
                acknowledgedDevices.Add(deviceId);
            }
        }

        // PUBACK in the order received: device states, dead-lettered messages and stored ones whose device got its ack.
        foreach (var message in batch)
        {
            var done = message.Parsed.State is not null
                || (message.Parsed.Record is not { } record
                    ? outcome.Kept.Contains(message)
                    : outcome.Kept.Contains(message) && acknowledgedDevices.Contains(record.DeviceId));
            if (done)
            {
                await AcknowledgeDeliveryAsync(message, cancellationToken);
            }
        }

        if (outcome.StorageFailed)
        {
            IngestLog.ReconnectingAfterStoreFailure(_logger);
            await DisconnectAsync(client);
        }
    }

    /// <summary>Stores the batch's records and dead letters in one transaction; null when the store failed (nothing of it was stored).</summary>
    private async Task<BatchOutcome?> TryStoreBatchAsync(List<IncomingMessage> batch, CancellationToken cancellationToken)
    {
        var reads = new List<(IncomingMessage Message, PlateReadMessage Read)>();
        var hits = new List<(IncomingMessage Message, HotlistHitMessage Hit)>();
        var events = new List<(IncomingMessage Message, DeviceEventMessage Event)>();
        var letters = new List<(IncomingMessage Message, DeadLetter Letter)>();
        var outcome = new BatchOutcome();
        foreach (var message in batch)
        {
            switch (message.Parsed)
            {
                case { Record.Read: { } read }: reads.Add((message, read)); break;
                case { Record.Hit: { } hit }: hits.Add((message, hit)); break;
                case { Record.Event: { } deviceEvent }: events.Add((message, deviceEvent)); break;
                case { State: not null }: break;
                default:
                    if (message.DeadLetter is { } letter)
                    {
                        letters.Add((message, letter));
                    }
                    else
                    {
                        outcome.Kept.Add(message);
                    }

                    break;
            }
        }

        if (reads.Count + hits.Count + events.Count + letters.Count == 0)
        {
            return outcome;
        }

        IngestBatchResult result;
        try
        {
            result = await _store.AddBatchAsync(
                new IngestBatch([.. reads.Select(r => r.Read)], [.. hits.Select(h => h.Hit)], [.. events.Select(e => e.Event)], [.. letters.Select(l => l.Letter)], _time.GetUtcNow()),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IngestLog.BatchStoreFailed(_logger, ex, batch.Count);
            return null;
        }

        for (var i = 0; i < reads.Count; i++)
        {
            Stored(outcome, reads[i].Message, result.ReadsAdded[i]);
        }

        for (var i = 0; i < hits.Count; i++)
        {
            Stored(outcome, hits[i].Message, result.HitsAdded[i]);
        }

        for (var i = 0; i < events.Count; i++)
        {
            Stored(outcome, events[i].Message, result.EventsAdded[i]);
        }

        foreach (var (message, letter) in letters)
        {
            IngestLog.Dropped(_logger, letter.Topic, letter.Reason);
            _metrics.OnDropped();
            outcome.Kept.Add(message);
        }

        return outcome;
    }

    /// <summary>Stores the batch one record at a time, stopping at the first failure (the rest stays unacknowledged).</summary>
    private async Task<BatchOutcome> StoreEachAsync(List<IncomingMessage> batch, CancellationToken cancellationToken)
    {
        var outcome = new BatchOutcome();
        foreach (var message in batch)
        {
            if (message.Parsed.State is not null)
            {
                continue;
            }

            if (message.Parsed.Record is not { } record)
            {
                // Refused: kept in the dead letters with its reason, never half-applied; acknowledged only once kept.
                if (message.DeadLetter is not { } letter || (!outcome.StorageFailed && await TryDeadLetterAsync(letter, cancellationToken)))
                {
                    outcome.Kept.Add(message);
                }
                else
                {
                    outcome.StorageFailed = true;
                }

                continue;
            }

            if (outcome.StorageFailed || await TryStoreAsync(record, cancellationToken) is not { } added)
            {
                outcome.StorageFailed = true;
                continue;
            }

            Stored(outcome, message, added);
        }

        return outcome;
    }

    /// <summary>Counts, logs and prints a record the store took (new or a re-send), and queues it for its device's ack.</summary>
    private void Stored(BatchOutcome outcome, IncomingMessage message, bool added)
    {
        var record = message.Parsed.Record!;
        if (added)
        {
            _metrics.OnStored(record.Kind);
            IngestLog.Stored(_logger, record.Kind, record.Id, record.DeviceId);
            if (record.Read is { } newRead)
            {
                _printer.Print(newRead);
            }
            else if (record.Hit is { } newHit)
            {
                _printer.Print(newHit with { Verification = HitVerification.Unverified });
            }
        }
        else
        {
            _metrics.OnDuplicate(record.Kind);
            IngestLog.Duplicate(_logger, record.Kind, record.Id, record.DeviceId);
        }

        if (!outcome.StoredByDevice.TryGetValue(record.DeviceId, out var ids))
        {
            outcome.StoredByDevice[record.DeviceId] = ids = [];
        }

        if (!ids.Contains(record.Id))
        {
            ids.Add(record.Id);
        }

        outcome.Kept.Add(message);
    }

    /// <summary>Stores one record; true when new, false when already stored, null when the store failed.</summary>
    private async Task<bool?> TryStoreAsync(IngestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var receivedAt = _time.GetUtcNow();
            return record.Read is { } read ? await _store.AddReadAsync(read, receivedAt, cancellationToken)
                : record.Hit is { } hit ? await _store.AddHitAsync(hit, receivedAt, cancellationToken)
                : await _store.AddEventAsync(record.Event!, receivedAt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IngestLog.StoreFailed(_logger, ex, record.Kind, record.Id, record.DeviceId);
            return null;
        }
    }

    private async Task<bool> TryDeadLetterAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        try
        {
            await _store.AddDeadLetterAsync(letter, cancellationToken);
            IngestLog.Dropped(_logger, letter.Topic, letter.Reason);
            _metrics.OnDropped();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IngestLog.DeadLetterFailed(_logger, ex, letter.Topic);
            return false;
        }
    }

    private async Task TryKeepStateAsync(DeviceStateUpdate state, CancellationToken cancellationToken)
    {
        try
        {
            var receivedAt = _time.GetUtcNow();
            if (state.Health is { } health)
            {
                await _store.SetDeviceHealthAsync(health, receivedAt, cancellationToken);
            }
            else
            {
                await _store.SetDeviceAvailabilityAsync(state.DeviceId, state.Availability!, receivedAt, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Status is retained and republished by the device: the next one replaces it.
            IngestLog.StateNotKept(_logger, ex, state.DeviceId);
        }
    }

    /// <summary>
    /// Publishes a command to a device (QoS 1, not retained); true when the broker took it. The device answers with
    /// a device event (<c>hold</c> or <c>inbound-rejected</c>) that names the command's id.
    /// </summary>
    public async Task<bool> SendCommandAsync(string deviceId, DeviceCommandMessage command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentNullException.ThrowIfNull(command);
        var client = _commandClient;
        if (client is null || !client.IsConnected)
        {
            return false;
        }

        var message = _factory.CreateApplicationMessageBuilder()
            .WithTopic(MqttTopics.Command(deviceId))
            .WithPayload(_signer.Command(deviceId, command))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        using var deadline = Deadline(_options.OperationTimeout, cancellationToken);
        var result = await client.PublishAsync(message, deadline.Token);
        IngestLog.CommandSent(_logger, command.Command, command.Id, deviceId, result.ReasonCode);
        return (int)result.ReasonCode < 0x80;
    }

    private async Task<bool> TryPublishAcknowledgementAsync(
        IMqttClient client, string deviceId, List<Guid> ids, CancellationToken cancellationToken)
    {
        var message = _factory.CreateApplicationMessageBuilder()
            .WithTopic(MqttTopics.Ack(deviceId))
            .WithPayload(_signer.Acknowledgement(deviceId, ids))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        try
        {
            using var deadline = Deadline(_options.OperationTimeout, cancellationToken);
            var result = await client.PublishAsync(message, deadline.Token);
            // "No matching subscribers" still means the broker took it; the device gets an ack again when it re-sends.
            if ((int)result.ReasonCode >= 0x80)
            {
                IngestLog.AckFailed(_logger, ids.Count, deviceId, $"{result.ReasonCode} {result.ReasonString}");
                return false;
            }

            IngestLog.Acknowledged(_logger, ids.Count, deviceId);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            IngestLog.AckFailed(_logger, ids.Count, deviceId, ex.Message);
            return false;
        }
    }

    private async Task AcknowledgeDeliveryAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = Deadline(_options.OperationTimeout, cancellationToken);
            await message.Delivery.AcknowledgeAsync(deadline.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            IngestLog.DeliveryAckFailed(_logger, message.Topic, ex.Message);
        }
    }

    private async Task DisconnectAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        Volatile.Write(ref _disconnectRequested, true);
        try
        {
            var disconnect = _factory.CreateClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection)
                .Build();
            using var deadline = Deadline(_options.OperationTimeout, CancellationToken.None);
            await client.DisconnectAsync(disconnect, deadline.Token);
        }
        catch (Exception ex)
        {
            IngestLog.Disconnected(_logger, "disconnect failed", ex.Message);
        }
    }

    private Deadline Deadline(TimeSpan timeout, CancellationToken cancellationToken) => new(timeout, _time, cancellationToken);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
