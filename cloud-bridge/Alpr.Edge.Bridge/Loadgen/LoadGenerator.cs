using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using Alpr.Edge.Contracts;
using Alpr.Edge.Contracts.Signing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alpr.Edge.Bridge.Loadgen;

/// <summary>
/// Simulates devices publishing realistic reads and hits to a broker at a chosen rate, and measures what the bridge
/// acknowledges: sustained records per second, the publish-to-acknowledgement time and the count lost. Each device
/// is one MQTT client that publishes its share of the rate with QoS 1 and listens on its own ack topic.
/// </summary>
public sealed class LoadGenerator
{
    private static readonly TimeSpan DrainFor = TimeSpan.FromSeconds(30);
    private readonly TimeProvider _time;

    /// <summary>A generator timed by <paramref name="time"/>.</summary>
    public LoadGenerator(TimeProvider time) => _time = time;

    /// <summary>Runs <paramref name="settings"/> (checked with <see cref="LoadgenSettings.Problem"/> first) and returns the figures.</summary>
    public async Task<LoadgenResult> RunAsync(LoadgenSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.MaxDuration);
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var sent = new ConcurrentDictionary<Guid, long>();
        var latencies = new ConcurrentBag<double>();
        long acknowledged = 0;
        long lastAck = 0;
        var factory = new MqttClientFactory();
        var clients = new List<IMqttClient>();
        try
        {
            for (var d = 0; d < settings.Devices; d++)
            {
                var deviceId = $"load-{d:0000}";
                var client = factory.CreateMqttClient();
                client.ApplicationMessageReceivedAsync += e =>
                {
                    foreach (var id in AcknowledgedIds(e.ApplicationMessage.Payload.ToArray()))
                    {
                        if (sent.TryRemove(id, out var at))
                        {
                            var now = Stopwatch.GetTimestamp();
                            latencies.Add(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
                            Interlocked.Increment(ref acknowledged);
                            Interlocked.Exchange(ref lastAck, now);
                        }
                    }

                    return Task.CompletedTask;
                };
                clients.Add(client);
                await client.ConnectAsync(factory.CreateClientOptionsBuilder()
                    .WithTcpServer(settings.Broker.Host, settings.Broker.Port)
                    .WithClientId($"alpr-loadgen-{deviceId}")
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithCleanStart(true)
                    .Build(), deadline.Token).ConfigureAwait(false);
                await client.SubscribeAsync(MqttTopics.Ack(deviceId), MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token).ConfigureAwait(false);
            }

            var started = Stopwatch.GetTimestamp();
            var published = await Task.WhenAll(clients.Select((client, d) =>
                PublishDeviceAsync(client, $"load-{d:0000}", Share(settings.Count, settings.Devices, d), (double)settings.Rate / settings.Devices, settings.ImageBytes, sent, deadline.Token)))
                .ConfigureAwait(false);
            var publishSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var total = published.Sum();
            var drainUntil = Stopwatch.GetTimestamp() + (long)(DrainFor.TotalSeconds * Stopwatch.Frequency);
            while (Interlocked.Read(ref acknowledged) < total && Stopwatch.GetTimestamp() < drainUntil && !deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), _time, CancellationToken.None).ConfigureAwait(false);
            }

            var sorted = latencies.Order().ToArray();
            var last = Interlocked.Read(ref lastAck);
            return new LoadgenResult(
                total,
                Interlocked.Read(ref acknowledged),
                publishSeconds,
                last == 0 ? 0 : Stopwatch.GetElapsedTime(started, last).TotalSeconds,
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.99),
                (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds);
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
                }

                client.Dispose();
            }
        }
    }

    private static async Task<int> PublishDeviceAsync(
        IMqttClient client, string deviceId, int count, double perSecond, int imageBytes, ConcurrentDictionary<Guid, long> sent, CancellationToken cancellationToken)
    {
        var random = new Random(deviceId.GetHashCode(StringComparison.Ordinal));
        var image = imageBytes == 0 ? null : Jpeg(random, imageBytes / 2);
        var start = Stopwatch.GetTimestamp();
        var published = 0;
        for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            // Pace: record i is due at start + i / perSecond.
            var due = start + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);
            }

            var read = Read(deviceId, random);
            var asHit = image is not null || i % 50 == 49;
            var hit = asHit ? Hit(read, image) : null;
            var (topic, payload, id) = hit is not null
                ? (MqttTopics.Hit(deviceId), WireFormat.Serialize(hit, ContractsJson.Default.HotlistHitMessage), hit.Id)
                : (MqttTopics.Read(deviceId), WireFormat.Serialize(read, ContractsJson.Default.PlateReadMessage), read.Id);

            sent[id] = Stopwatch.GetTimestamp();
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), cancellationToken).ConfigureAwait(false);
            if ((int)result.ReasonCode < 0x80)
            {
                published++;
            }
            else
            {
                sent.TryRemove(id, out _);
            }
        }

        return published;
    }

    private static PlateReadMessage Read(string deviceId, Random random) => new()
    {
        Id = Guid.NewGuid(),
        DeviceId = deviceId,
        Camera = random.Next(2) == 0 ? "cam0" : "cam1",
        Plate = $"{random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{random.Next(1000):000}",
        Confidence = 0.8 + (random.NextDouble() * 0.2),
        CapturedAt = DateTimeOffset.UtcNow.AddSeconds(-random.Next(60)),
        Box = new PlateBox(random.Next(1000), random.Next(500), 120, 40),
        Alternatives = [new PlateAlternative("7ABC128", 0.3)],
        Sightings = random.Next(1, 8),
        Latitude = 38.58 + (random.NextDouble() * 0.01),
        Longitude = -121.49 + (random.NextDouble() * 0.01),
        FirmwareVersion = "loadgen",
    };

    private static HotlistHitMessage Hit(PlateReadMessage read, byte[]? image)
    {
        var hit = new HotlistHitMessage
        {
            Id = Guid.NewGuid(),
            Read = read,
            ListName = "load",
            Category = "stolen-vehicle",
            EntryPlate = read.Plate,
            MatchKind = "exact",
        };
        return image is null ? hit : hit with { PlateCropJpeg = image, OverviewJpeg = image };
    }

    /// <summary>Random bytes framed as a JPEG (start and end markers), as the bridge's ingest checks.</summary>
    private static byte[] Jpeg(Random random, int length)
    {
        var bytes = new byte[Math.Max(length, 4)];
        random.NextBytes(bytes);
        (bytes[0], bytes[1], bytes[^2], bytes[^1]) = ((byte)0xFF, (byte)0xD8, (byte)0xFF, (byte)0xD9);
        return bytes;
    }

    private static IEnumerable<Guid> AcknowledgedIds(byte[] payload)
    {
        if (WireFormat.TryParse(payload, ContractsJson.Default.ReadAcknowledgement, out var ack, out _) && ack!.Ids is { Count: > 0 })
        {
            return ack.Ids;
        }

        // A signed acknowledgement: the load generator only counts it; devices check the signature.
        return WireFormat.TryParse(payload, ContractsJson.Default.SignedMessage, out var signed, out _)
            && WireFormat.TryParse(signed!.Payload, ContractsJson.Default.ReadAcknowledgement, out var inner, out _)
            ? inner!.Ids
            : [];
    }

    private static int Share(int count, int devices, int device) => (count / devices) + (device < count % devices ? 1 : 0);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
