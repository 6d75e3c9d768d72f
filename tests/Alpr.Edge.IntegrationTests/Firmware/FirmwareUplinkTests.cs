using System.Text;
using Alpr.Edge.Capture;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Firmware.Uplink;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// The firmware's store and uplink against a real Mosquitto broker, with a test bridge that acknowledges
/// on its own terms. Frames and recognition are scripted doubles; everything after them is the product.
/// </summary>
public sealed class FirmwareUplinkTests() : UplinkTestBase("alpr-fw-it-")
{
    private const string HotPlate = "7ABC123";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Hits_go_out_before_their_reads_and_everything_is_marked_acknowledged_only_when_the_bridge_acks()
    {
        await using var bridge = await TestBridge.ConnectAsync(Broker.Url, (_, _) => true);
        var observer = new FirmwareObserver();

        using (var firmware = BuildFirmware("it-pole-1", observer))
        {
            await firmware.StartAsync();
            await observer.WaitForReadsAsync(2, Patience);
            await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
            Assert.Equal(DeviceStatus.Online, await TestBridge.RetainedStatusAsync(Broker.Url, "it-pole-1"));
            await firmware.StopAsync();
        }

        Assert.Equal(DeviceStatus.Stopped, await TestBridge.RetainedStatusAsync(Broker.Url, "it-pole-1"));
        var hit = Assert.Single(observer.Hits);
        var deliveries = bridge.Deliveries.ToList();
        Assert.True(
            deliveries.FindIndex(d => d.Id == hit.Id) < deliveries.FindIndex(d => d.Id == hit.Read.Id),
            "the hit was published after its read");
        using var store = DeviceStore.Open(Path.Combine(WorkDirectory, "it-pole-1"), TimeProvider.System);
        Assert.All(observer.StoredIds, id => Assert.Equal(TransferState.Acked, store.GetState(id)));
        AssertNoErrors();
    }

    [Fact]
    public async Task Reads_made_while_the_broker_is_down_reach_the_bridge_when_it_returns()
    {
        await Broker.StopAsync();
        var observer = new FirmwareObserver();
        using var firmware = BuildFirmware("it-pole-2", observer);
        await firmware.StartAsync();
        await observer.WaitForReadsAsync(2, Patience);
        Assert.All(observer.StoredIds, id => Assert.False(observer.IsAcknowledged(id)));

        await Broker.StartAgainAsync();
        await using var bridge = await TestBridge.ConnectAsync(Broker.Url, (_, _) => true);

        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
        await firmware.StopAsync();
        Assert.Contains(LogRecorder.Logs, l => l.Category == typeof(UplinkService).FullName && l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_record_the_bridge_does_not_acknowledge_is_sent_again_until_it_does()
    {
        await using var bridge = await TestBridge.ConnectAsync(Broker.Url, (_, delivery) => delivery >= 2);
        var observer = new FirmwareObserver();
        using var firmware = BuildFirmware("it-pole-3", observer, ackTimeout: "00:00:01");
        await firmware.StartAsync();
        await observer.WaitForReadsAsync(2, Patience);

        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
        await firmware.StopAsync();

        Assert.All(observer.StoredIds, id => Assert.True(bridge.DeliveriesOf(id) >= 2));
        AssertNoErrors();
    }

    [Fact]
    public async Task A_malformed_acknowledgement_is_logged_and_ignored()
    {
        await using var bridge = await TestBridge.ConnectAsync(Broker.Url, (_, _) => true);
        var observer = new FirmwareObserver();
        using var firmware = BuildFirmware("it-pole-4", observer);
        await firmware.StartAsync();
        await observer.WaitForReadsAsync(2, Patience);

        await bridge.PublishRawAsync(MqttTopics.Ack("it-pole-4"), Encoding.UTF8.GetBytes("{\"ids\": 42"));
        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);

        // Inbound messages are handled off the receive thread: wait for the rejection rather than race it.
        var deadline = DateTime.UtcNow + Patience;
        while (!LogRecorder.Logs.Any(l => l.EventId == 4002) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await firmware.StopAsync();

        Assert.Contains(LogRecorder.Logs, l => l.EventId == 4002 && l.Level == LogLevel.Warning);
        AssertNoErrors();
    }

    [Fact]
    public async Task Reads_beyond_the_in_flight_window_wait_for_acknowledgements()
    {
        var acking = false;
        await using var bridge = await TestBridge.ConnectAsync(Broker.Url, (_, _) => Volatile.Read(ref acking));
        var observer = new FirmwareObserver();
        using var firmware = BuildFirmware(
            "it-pole-5",
            observer,
            ackTimeout: "00:10:00",
            maxInFlight: "3",
            frames: 300,
            plateAt: i => i % 30 < 10 ? $"PASS{i / 30:D3}" : null);
        await firmware.StartAsync();
        await observer.WaitForReadsAsync(10, Patience);
        await bridge.WaitForDistinctDeliveriesAsync(3, Patience);

        Volatile.Write(ref acking, true);
        await bridge.AcknowledgeAsync("it-pole-5", [.. bridge.Deliveries.Select(d => d.Id)]);
        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
        await firmware.StopAsync();

        Assert.Equal(10, bridge.Deliveries.Select(d => d.Id).Distinct().Count());
        Assert.True(bridge.MaxOutstanding <= 3, $"{bridge.MaxOutstanding} reads were out unacknowledged at once");
        AssertNoErrors();
    }

    private IHost BuildFirmware(
        string deviceId,
        FirmwareObserver observer,
        string ackTimeout = "00:00:30",
        string maxInFlight = "200",
        int frames = 40,
        Func<int, string?>? plateAt = null) =>
        FirmwareHost.Build(new FirmwareRunSettings
        {
            DataDirectory = Path.Combine(WorkDirectory, deviceId),
            BrokerUrl = Broker.Url.ToString(),
            DeviceId = deviceId,
            HotlistFile = WriteHotlist(),
            Reporters = [observer],
            Configuration = new Dictionary<string, string?>
            {
                ["Pipeline:ChannelCapacity"] = "1000",
                ["Uplink:AckTimeout"] = ackTimeout,
                ["Uplink:ReconnectMinDelay"] = "00:00:00.2",
                ["Uplink:ReconnectMaxDelay"] = "00:00:01",
                ["Uplink:ClientId"] = $"{deviceId}-{Guid.NewGuid():N}",
                ["Uplink:MaxInFlight"] = maxInFlight,
            },
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(LogRecorder),
            ConfigureServices = services =>
            {
                // By default frames 0-9 show the hot-listed plate, 10-29 nothing, 30-39 another plate; then the source ends.
                services.AddSingleton<IFrameSource>(new ScriptedFrameSource(frames, Start));
                services.AddSingleton<IPlateRecognizer>(new ScriptedRecognizer(plateAt ?? (i => i switch
                {
                    < 10 => HotPlate,
                    >= 30 => "4XYZ567",
                    _ => null,
                })));
            },
        });

    private string WriteHotlist()
    {
        var path = Path.Combine(WorkDirectory, "hot.csv");
        File.WriteAllText(path, $"plate,list,category,case\n{HotPlate},stolen,vehicle,C-1\n");
        return path;
    }

    private void AssertNoErrors() =>
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
}
