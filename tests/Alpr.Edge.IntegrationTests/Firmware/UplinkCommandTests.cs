using Alpr.Edge.Bridge.Hosting;
using System.Net.Http.Json;
using System.Text;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Web;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// Bridge-to-device traffic and device events with the real bridge on a real Mosquitto: holds placed and released
/// from the bridge's API, bad input from the broker rejected with an event, the enclosure's tamper switch raised
/// as an alarm that reaches the bridge's audited <c>/api/events</c>.
/// </summary>
public sealed class UplinkCommandTests() : UplinkTestBase("alpr-command-it-")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_hold_placed_and_released_from_the_bridge_is_applied_on_the_device_and_answered_with_events()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_hold_placed_and_released_from_the_bridge_is_applied_on_the_device_and_answered_with_events), Broker.Url);
        var observer = new FirmwareObserver();
        using (var firmware = BuildFirmware("hold-pole", observer))
        {
            await firmware.StartAsync();
            await observer.WaitForReadsAsync(2, Patience);
            using var http = bridge.CreateHttpClient();
            http.DefaultRequestHeaders.Add(AccessAuditMiddleware.PurposeHeader, "case 2026-117 evidence");

            var placed = await http.PostAsJsonAsync("/api/devices/hold-pole/holds", new { plate = UplinkFirmware.HotPlate });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, placed.StatusCode);
            var placeCommand = (await placed.Content.ReadFromJsonAsync<CommandAccepted>())!.CommandId;
            var placedEvent = await WaitForEventAsync(bridge, e => e.Data.GetValueOrDefault("commandId") == placeCommand.ToString("D"));
            Assert.Equal(DeviceEventKinds.Hold, placedEvent.Kind);
            Assert.Equal("placed", placedEvent.Data["action"]);
            Assert.Equal("case 2026-117 evidence", placedEvent.Data["reason"]);
            Assert.DoesNotContain(UplinkFirmware.HotPlate, placedEvent.Message, StringComparison.Ordinal);
            var holdId = long.Parse(placedEvent.Data["holdId"], System.Globalization.CultureInfo.InvariantCulture);

            var withoutPurpose = await bridge.CreateHttpClient().PostAsJsonAsync("/api/devices/hold-pole/holds", new { plate = "1ABC234" });
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, withoutPurpose.StatusCode);

            var released = await http.PostAsync($"/api/devices/hold-pole/holds/{holdId}/release", null);
            var releaseCommand = (await released.Content.ReadFromJsonAsync<CommandAccepted>())!.CommandId;
            var releasedEvent = await WaitForEventAsync(bridge, e => e.Data.GetValueOrDefault("commandId") == releaseCommand.ToString("D"));
            Assert.Equal("released", releasedEvent.Data["action"]);

            var again = await http.PostAsync($"/api/devices/hold-pole/holds/{holdId}/release", null);
            var againCommand = (await again.Content.ReadFromJsonAsync<CommandAccepted>())!.CommandId;
            var refused = await WaitForEventAsync(bridge, e => e.Data.GetValueOrDefault("commandId") == againCommand.ToString("D"));
            Assert.Equal(DeviceEventKinds.InboundRejected, refused.Kind);
            Assert.Contains($"no active hold {holdId}", refused.Message, StringComparison.Ordinal);
            await firmware.StopAsync();
        }

        using var store = DeviceStore.Open(Path.Combine(WorkDirectory, "hold-pole"), TimeProvider.System);
        Assert.Equal(0, store.Ring.GetStats().ActiveHolds);
        var audit = await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(20, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "api.POST" && a.Target!.StartsWith("/api/devices/hold-pole/holds", StringComparison.Ordinal) && a.Purpose == "case 2026-117 evidence");
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Releasing_a_central_hold_releases_it_on_the_device_and_a_missed_release_is_retried()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Releasing_a_central_hold_releases_it_on_the_device_and_a_missed_release_is_retried), Broker.Url);
        var observer = new FirmwareObserver();
        using (var firmware = BuildFirmware("central-hold-pole", observer))
        {
            await firmware.StartAsync();
            await observer.WaitForReadsAsync(2, Patience);
            using var http = bridge.CreateHttpClient();
            http.DefaultRequestHeaders.Add(AccessAuditMiddleware.PurposeHeader, "case 2026-200 evidence");

            // Released through the API: the device gets release-hold for its own id of the hold.
            var first = await PlaceCentralHoldAsync(http, bridge, "2026-200");
            var released = await http.PostAsJsonAsync($"/api/holds/{first.HoldId}/release", new { by = "Sgt. Lee", reason = "case closed" });
            Assert.Equal(System.Net.HttpStatusCode.OK, released.StatusCode);
            using var releasedBody = System.Text.Json.JsonDocument.Parse(await released.Content.ReadAsStringAsync());
            Assert.Equal("central-hold-pole", Assert.Single(releasedBody.RootElement.GetProperty("releasedOn").EnumerateArray()).GetString());
            Assert.Empty(releasedBody.RootElement.GetProperty("notReleased").EnumerateArray());
            var releasedEvent = await WaitForEventAsync(bridge, e => e.Data.GetValueOrDefault("commandId") == HoldCommandIds.Release(first.HoldId, "central-hold-pole").ToString("D"));
            Assert.Equal(("released", first.DeviceHoldId), (releasedEvent.Data["action"], releasedEvent.Data["holdId"]));

            // Released where the push did not happen (as for a device offline at the time): the retry sends it.
            var second = await PlaceCentralHoldAsync(http, bridge, "2026-201");
            var outcome = await bridge.Host.Services.GetRequiredService<HoldActions>().ReleaseAsync(second.HoldId, "Sgt. Lee", "case closed", null, CancellationToken.None);
            Assert.NotNull(outcome.Hold);
            var retried = await bridge.Host.Services.GetRequiredService<HoldReleaseRetryService>().RetryOnceAsync(CancellationToken.None);
            Assert.Equal(["central-hold-pole"], retried);
            var retriedEvent = await WaitForEventAsync(bridge, e => e.Data.GetValueOrDefault("commandId") == HoldCommandIds.Release(second.HoldId, "central-hold-pole").ToString("D"));
            Assert.Equal(("released", second.DeviceHoldId), (retriedEvent.Data["action"], retriedEvent.Data["holdId"]));

            // Once the device's released events are in, the retry sends nothing more.
            await UplinkFirmware.WaitUntilAsync(
                () => bridge.Host.Store.GetEventsOfKindAsync(DeviceEventKinds.Hold, DateTimeOffset.UtcNow.AddHours(-1), "central-hold-pole", CancellationToken.None)
                    .GetAwaiter().GetResult().Count(e => e.Event.Data.GetValueOrDefault("action") == "released") == 2,
                Patience,
                "both released events at the bridge");
            var afterwards = await bridge.Host.Services.GetRequiredService<HoldReleaseRetryService>().RetryOnceAsync(CancellationToken.None);
            Assert.Empty(afterwards);
            await firmware.StopAsync();
        }

        using var store = DeviceStore.Open(Path.Combine(WorkDirectory, "central-hold-pole"), TimeProvider.System);
        Assert.Equal(0, store.Ring.GetStats().ActiveHolds);
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }

    private static async Task<(Guid HoldId, string DeviceHoldId)> PlaceCentralHoldAsync(HttpClient http, RunningBridge bridge, string caseNumber)
    {
        var placed = await http.PostAsJsonAsync("/api/holds", new { caseNumber, reason = "robbery", by = "Det. Reyes", plate = UplinkFirmware.HotPlate, deviceId = "central-hold-pole" });
        Assert.Equal(System.Net.HttpStatusCode.Created, placed.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await placed.Content.ReadAsStringAsync());
        Assert.Equal("central-hold-pole", Assert.Single(body.RootElement.GetProperty("pushedTo").EnumerateArray()).GetString());
        var holdId = body.RootElement.GetProperty("hold").GetProperty("id").GetGuid();
        var placedEvent = await WaitForEventAsync(bridge, e => e.Data.GetValueOrDefault("commandId") == HoldCommandIds.Place(holdId, "central-hold-pole").ToString("D"));
        Assert.Equal("placed", placedEvent.Data["action"]);
        return (holdId, placedEvent.Data["holdId"]);
    }

    [Fact]
    public async Task Bad_input_from_the_broker_is_rejected_with_an_event_and_the_device_keeps_working()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Bad_input_from_the_broker_is_rejected_with_an_event_and_the_device_keeps_working), Broker.Url);
        var observer = new FirmwareObserver();
        using var firmware = BuildFirmware("bad-input-pole", observer, frames: 400, plateAt: i => i % 40 < 10 ? $"{(char)('A' + (i / 40))}{(char)('Z' - (i / 40))}{i / 40:D4}" : null);
        await firmware.StartAsync();
        await observer.WaitForReadsAsync(1, Patience);

        var topic = MqttTopics.Command("bad-input-pole");
        await PublishAsync(topic, Encoding.UTF8.GetBytes("{\"id\": \"not json"));
        await PublishAsync(topic, Encoding.UTF8.GetBytes($$"""{"id":"{{Guid.NewGuid()}}","command":"format-disk","reason":"r","requestedBy":"u","issuedAt":"2026-11-28T12:00:00Z"}"""));
        await PublishAsync(topic, Encoding.UTF8.GetBytes($$"""{"id":"{{Guid.NewGuid()}}","command":"place-hold","hold":{"plate":"ABC1","recordId":"{{Guid.NewGuid()}}"},"reason":"r","requestedBy":"u","issuedAt":"2026-11-28T12:00:00Z"}"""));
        await PublishAsync(topic, new byte[64 * 1024]);
        await PublishAsync(MqttTopics.Ack("bad-input-pole"), Encoding.UTF8.GetBytes("[1,2,3]"));

        var rejections = await WaitForEventsAsync(bridge, e => e.Kind == DeviceEventKinds.InboundRejected, 5);
        Assert.Contains(rejections, e => e.Message.Contains("malformed", StringComparison.Ordinal));
        Assert.Contains(rejections, e => e.Message.Contains("unknown command 'format-disk'", StringComparison.Ordinal));
        Assert.Contains(rejections, e => e.Message.Contains("exactly one of", StringComparison.Ordinal));
        Assert.Contains(rejections, e => e.Message.Contains("exceeds the 16384-byte limit", StringComparison.Ordinal));
        Assert.Contains(rejections, e => e.Data["topic"] == MqttTopics.Ack("bad-input-pole"));

        // Still working: later reads are stored, sent and acknowledged.
        await observer.WaitForReadsAsync(8, Patience);
        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
        await firmware.StopAsync();
        Assert.Contains(LogRecorder.Logs, l => l.EventId == 4010);
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Opening_the_enclosure_raises_a_stored_alarm_that_reaches_the_bridge()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Opening_the_enclosure_raises_a_stored_alarm_that_reaches_the_bridge), Broker.Url);
        var observer = new FirmwareObserver();
        using var firmware = BuildFirmware("tamper-pole", observer);
        await firmware.StartAsync();
        await observer.WaitForReadsAsync(1, Patience);

        firmware.Services.GetRequiredService<SimulatedPole>().SetTamperOpen(true);
        var alarm = await WaitForEventAsync(bridge, e => e.Kind == DeviceEventKinds.Tamper);
        Assert.Equal("alarm", alarm.Severity);
        Assert.Equal("true", alarm.Data["opened"]);
        Assert.Equal("tamper-pole", alarm.DeviceId);
        await UplinkFirmware.WaitUntilAsync(() => observer.IsAcknowledged(alarm.Id), Patience, "the bridge's acknowledgement of the tamper event");
        await firmware.StopAsync();

        using var http = bridge.CreateHttpClient();
        var events = await http.GetFromJsonAsync<List<StoredEvent>>("/api/events?device=tamper-pole&purpose=audit");
        Assert.Contains(events!, e => e.Event.Id == alarm.Id);
        var audit = await CentralStores.AuditOf(bridge.Host.Store).GetRecentAuditEntriesAsync(5, CancellationToken.None);
        Assert.Contains(audit, a => a.Target!.StartsWith("/api/events", StringComparison.Ordinal) && a.Purpose == "audit");
        var devices = await http.GetFromJsonAsync<List<DeviceSummary>>("/api/devices");
        var device = Assert.Single(devices!, d => d.DeviceId == "tamper-pole");
        Assert.Equal("stopped", device.Availability);
        Assert.NotNull(device.Health);

        using var store = DeviceStore.Open(Path.Combine(WorkDirectory, "tamper-pole"), TimeProvider.System);
        Assert.Equal(TransferState.Acked, store.GetState(alarm.Id));
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }

    private Microsoft.Extensions.Hosting.IHost BuildFirmware(string deviceId, FirmwareObserver observer, int frames = 40, Func<int, string?>? plateAt = null) =>
        UplinkFirmware.Build(
            WorkDirectory,
            Broker.Url,
            deviceId,
            observer,
            LogRecorder,
            new ScriptedFrameSource(frames, DateTimeOffset.UtcNow),
            plateAt ?? (i => i switch { < 10 => UplinkFirmware.HotPlate, >= 30 => "4XYZ567", _ => null }),
            new Dictionary<string, string?> { ["Uplink:StatusInterval"] = "00:00:01" });

    private static async Task<DeviceEventMessage> WaitForEventAsync(RunningBridge bridge, Func<DeviceEventMessage, bool> match) =>
        (await WaitForEventsAsync(bridge, match, 1))[0];

    private static async Task<IReadOnlyList<DeviceEventMessage>> WaitForEventsAsync(RunningBridge bridge, Func<DeviceEventMessage, bool> match, int count)
    {
        IReadOnlyList<DeviceEventMessage> found = [];
        await UplinkFirmware.WaitUntilAsync(
            () =>
            {
                found = [.. bridge.Host.Store.GetRecentEventsAsync(500, null, CancellationToken.None).GetAwaiter().GetResult().Select(e => e.Event).Where(match)];
                return found.Count >= count;
            },
            Patience,
            $"{count} matching events at the bridge");
        return found;
    }

    private async Task PublishAsync(string topic, byte[] payload)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(Broker.Url.Host, Broker.Port).WithClientId($"intruder-{Guid.NewGuid():N}").Build(), deadline.Token);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), deadline.Token);
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), deadline.Token);
    }
}
