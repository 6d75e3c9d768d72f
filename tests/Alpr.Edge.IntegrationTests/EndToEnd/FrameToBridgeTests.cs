using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.IntegrationTests.EndToEnd;

/// <summary>
/// The walking skeleton end to end: simulated camera frames with a hot-listed plate go through the real
/// recogniser, tracker, hot list, device store and MQTT uplink, across a real Mosquitto broker, into the
/// bridge's central store.
/// </summary>
public sealed class FrameToBridgeTests : IAsyncLifetime
{
    private const string HotPlate = "8ABC123";
    private const string DeviceId = "e2e-pole-1";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-e2e-").FullName;
    private MosquittoBroker? _broker;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Hot_listed_plate_on_the_simulated_camera_arrives_at_the_bridge_as_a_read_and_an_unverified_hit()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var token = timeout.Token;

        await using var bridge = BridgeApplication.Build(new BridgeOptions
        {
            DataDirectory = Path.Combine(_directory, "bridge"),
            Urls = "http://127.0.0.1:0",
            Broker = _broker!.Url.ToString(),
            ClientId = "alpr-bridge-e2e",
        });
        await bridge.StartAsync(token);
        await bridge.Ingest.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), token);

        var hotlist = Path.Combine(_directory, "hotlist.csv");
        await File.WriteAllTextAsync(hotlist, $"plate,list,category,case\n{HotPlate},e2e-stolen,stolen-vehicle,CASE-1\n", token);

        var observed = new FirmwareObserver();
        using var firmware = FirmwareHost.Build(new FirmwareRunSettings
        {
            Source = $"sim://11?fps=0&frames=40&plates={HotPlate},4XYZ567",
            DataDirectory = Path.Combine(_directory, "edge"),
            BrokerUrl = _broker.Url.ToString(),
            HotlistFile = hotlist,
            DeviceId = DeviceId,
            Reporters = [observed],

            // The simulator at fps=0 renders its 40 frames faster than recognition reads them, and the frame queue drops the
            // oldest: which frames were read, and so whether the hot plate was read, depended on the machine's load (this test
            // timed out in 2 of 4 full parallel runs). A queue as long as the clip reads every frame on any machine.
            Configuration = new Dictionary<string, string?> { ["Pipeline:ChannelCapacity"] = "40" },
        });
        await firmware.StartAsync(token);
        try
        {
            await observed.WaitForHitsAsync(1, Patience);
            var deviceHit = observed.Hits[0];
            Assert.Equal(HotPlate, deviceHit.Read.Plate);

            // The bridge stores the hit and its read, then acknowledges them to the device.
            await observed.WaitForAcknowledgementsAsync([deviceHit.Id, deviceHit.Read.Id], Patience);
            var storedHit = await bridge.Store.GetHitAsync(deviceHit.Id, token);
            Assert.NotNull(storedHit);
            Assert.Equal(HotPlate, storedHit.Hit.Read.Plate);
            Assert.Equal(DeviceId, storedHit.Hit.Read.DeviceId);
            Assert.Equal(Contracts.HitVerification.Unverified, storedHit.Hit.Verification);

            var storedRead = await bridge.Store.GetReadAsync(deviceHit.Read.Id, token);
            Assert.NotNull(storedRead);
            Assert.Equal(HotPlate, storedRead.Read.Plate);

            var byPlate = await bridge.Store.GetReadsByPlateAsync(HotPlate, 10, token);
            Assert.Contains(byPlate, r => r.Read.Id == deviceHit.Read.Id);
        }
        finally
        {
            await firmware.StopAsync(CancellationToken.None);
            await bridge.StopAsync(CancellationToken.None);
        }
    }
}
