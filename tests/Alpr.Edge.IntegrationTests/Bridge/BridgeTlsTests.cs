using System.Buffers;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Hotlists;
using Alpr.Edge.Bridge.Printing;
using Alpr.Edge.Contracts;
using Alpr.Edge.IntegrationTests.Firmware;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// The bridge's ingest and hot-list publisher over mutual TLS to a real Mosquitto whose only listener is TLS and
/// requires client certificates from the department's CA. The tests make the department's CA and a stranger's.
/// </summary>
public sealed class BridgeTlsTests() : TwoAuthoritiesTestBase("alpr-bridge-tls-it-")
{
    private const int ReadyEvent = 1001;
    private const int ConnectFailedEvent = 1002;
    private const int BrokerRefusedEvent = 1016;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_bridge_with_a_department_certificate_ingests_a_read_from_a_TLS_device_and_acknowledges_it()
    {
        await using var broker = await MosquittoBroker.StartAsync(Department.IssueBroker());
        var options = Options(nameof(A_bridge_with_a_department_certificate_ingests_a_read_from_a_TLS_device_and_acknowledges_it), broker, Department.CaFile, Department.IssueClient("test-bridge"));
        await using var bridge = await StartAsync(options);
        await bridge.Ingest.WaitUntilReadyAsync(Patience, CancellationToken.None);
        await using var device = await TlsDevice.ConnectAsync(broker.Url, "pole-tls", Department.CaFile, Department.IssueClient("pole-tls"));
        var read = TestRecords.Read("pole-tls");

        await device.PublishReadAsync(read);
        await device.WaitForAckAsync(read.Id, Patience);

        var stored = await bridge.Store.GetReadAsync(read.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(read.Plate, stored.Read.Plate);
        await StopAsync(bridge);
        Assert.Contains(LogRecorder.Logs, l => l.EventId == ReadyEvent && l.Message.Contains(broker.Url.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error || l.EventId is BrokerRefusedEvent or ConnectFailedEvent);
    }

    [Fact]
    public async Task A_bridge_whose_CA_the_broker_does_not_chain_to_refuses_the_broker_and_logs_why()
    {
        await using var broker = await MosquittoBroker.StartAsync(Stranger.IssueBroker());
        var options = Options(nameof(A_bridge_whose_CA_the_broker_does_not_chain_to_refuses_the_broker_and_logs_why), broker, Department.CaFile, Department.IssueClient("test-bridge"));
        await using var bridge = await StartAsync(options);

        await UplinkFirmware.WaitUntilAsync(() => LogRecorder.Logs.Count(l => l.EventId == BrokerRefusedEvent) >= 2, Patience, "two refusals of the broker's certificate");
        Assert.False(bridge.Ingest.IsReady);
        await StopAsync(bridge);
        Assert.DoesNotContain(LogRecorder.Logs, l => l.EventId == ReadyEvent);
        var refusal = LogRecorder.Logs.First(l => l.EventId == BrokerRefusedEvent);
        Assert.Contains("does not chain to the configured CA", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(Department.CaFile, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(LogRecorder.Logs, l => l.EventId == ConnectFailedEvent);
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_bridge_without_a_client_certificate_is_refused_by_the_broker()
    {
        await using var broker = await MosquittoBroker.StartAsync(Department.IssueBroker());
        var options = Options(nameof(A_bridge_without_a_client_certificate_is_refused_by_the_broker), broker, Department.CaFile, client: null);
        await using var bridge = await StartAsync(options);

        await UplinkFirmware.WaitUntilAsync(() => LogRecorder.Logs.Count(l => l.EventId == ConnectFailedEvent) >= 2, Patience, "two refused connection attempts");
        Assert.False(bridge.Ingest.IsReady);
        await StopAsync(bridge);
        Assert.DoesNotContain(LogRecorder.Logs, l => l.EventId is ReadyEvent or BrokerRefusedEvent);
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Hotlist_publish_reaches_a_TLS_broker_with_the_department_certificate_and_refuses_a_stranger_broker()
    {
        var bundle = "not a real bundle: the publisher does not look inside"u8.ToArray();
        var (certificate, key) = Department.IssueClient("test-bridge-hotlist");
        var tls = new Alpr.Edge.MqttTls.MqttTlsSettings(Department.CaFile, certificate, key);
        await using (var broker = await MosquittoBroker.StartAsync(Department.IssueBroker()))
        {
            var published = await HotlistPublisher.PublishAsync(broker.Url, bundle, ["pole-tls"], Patience, CancellationToken.None, tls);
            Assert.Equal(["pole-tls"], published);
        }

        await using (var stranger = await MosquittoBroker.StartAsync(Stranger.IssueBroker()))
        {
            var refused = await Assert.ThrowsAsync<BrokerRefusedException>(() => HotlistPublisher.PublishAsync(stranger.Url, bundle, ["pole-tls"], Patience, CancellationToken.None, tls));
            Assert.Contains("does not chain to the configured CA", refused.Message, StringComparison.Ordinal);
            Assert.Contains(Department.CaFile, refused.Message, StringComparison.Ordinal);
        }
    }

    private BridgeOptions Options(string testName, MosquittoBroker broker, string caFile, (string Certificate, string Key)? client) => new()
    {
        DataDirectory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "bridge-data")).FullName,
        Urls = "http://127.0.0.1:0",
        Broker = broker.Url.ToString(),
        CaFile = caFile,
        ClientCertificateFile = client?.Certificate,
        ClientKeyFile = client?.Key,
        ClientId = RunningBridge.ClientIdFor(testName),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
        ConnectionCheckInterval = TimeSpan.FromSeconds(1),
    };

    private async Task<BridgeHost> StartAsync(BridgeOptions options)
    {
        var host = BridgeApplication.Build(options, services =>
        {
            services.AddSingleton(new RecordPrinter(TextWriter.Null));
            services.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(LogRecorder);
            });
        });
        using var deadline = new CancellationTokenSource(Patience);
        await host.StartAsync(deadline.Token);
        return host;
    }

    private static async Task StopAsync(BridgeHost bridge)
    {
        using var deadline = new CancellationTokenSource(Patience);
        await bridge.StopAsync(deadline.Token);
    }

    /// <summary>A device's MQTT client over mutual TLS: publishes a read and collects the bridge's acknowledgements.</summary>
    private sealed class TlsDevice : IAsyncDisposable
    {
        private readonly IMqttClient _client;
        private readonly string _deviceId;
        private readonly Channel<ReadAcknowledgement> _acks = Channel.CreateUnbounded<ReadAcknowledgement>();

        private TlsDevice(IMqttClient client, string deviceId)
        {
            _client = client;
            _deviceId = deviceId;
        }

        public static async Task<TlsDevice> ConnectAsync(Uri broker, string deviceId, string caFile, (string Certificate, string Key) client)
        {
            var factory = new MqttClientFactory();
            var device = new TlsDevice(factory.CreateMqttClient(), deviceId);
            device._client.ApplicationMessageReceivedAsync += e =>
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
                .WithTimeout(Patience)
                .WithTlsOptions(tls => tls
                    .UseTls()
                    .WithClientCertificates(new X509Certificate2Collection(X509Certificate2.CreateFromPemFile(client.Certificate, client.Key)))
                    .WithTrustChain(new X509Certificate2Collection(X509Certificate2.CreateFromPem(File.ReadAllText(caFile)))))
                .Build();
            using var deadline = new CancellationTokenSource(Patience);
            await device._client.ConnectAsync(options, deadline.Token);
            await device._client.SubscribeAsync(MqttTopics.Ack(deviceId), MqttQualityOfServiceLevel.AtLeastOnce, deadline.Token);
            return device;
        }

        public async Task PublishReadAsync(PlateReadMessage read)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(MqttTopics.Read(_deviceId))
                .WithPayload(WireFormat.Serialize(read, ContractsJson.Default.PlateReadMessage))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            using var deadline = new CancellationTokenSource(Patience);
            var result = await _client.PublishAsync(message, deadline.Token);
            Assert.True(result.IsSuccess, $"publish refused: {result.ReasonCode}");
        }

        public async Task WaitForAckAsync(Guid id, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                while (!(await _acks.Reader.ReadAsync(deadline.Token)).Ids.Contains(id))
                {
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no acknowledgement of {id} within {timeout}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                using var deadline = new CancellationTokenSource(Patience);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), deadline.Token);
            }

            _client.Dispose();
        }
    }
}
