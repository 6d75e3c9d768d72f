using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Contracts;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Bridge;

public sealed class BridgeIngestTests
{
    [Fact]
    public async Task Read_and_hit_are_stored_once_and_both_ids_are_acknowledged_to_the_device()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Read_and_hit_are_stored_once_and_both_ids_are_acknowledged_to_the_device));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var read = TestRecords.Read("pole-1");
        var hit = TestRecords.Hit(read);

        await device.PublishReadAsync(read);
        await device.PublishHitAsync(hit);
        await device.WaitForAcksAsync(read.Id, hit.Id);

        var stored = await bridge.Host.Store.GetReadAsync(read.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(read.Plate, stored.Read.Plate);
        var storedHit = await bridge.Host.Store.GetHitAsync(hit.Id, CancellationToken.None);
        Assert.NotNull(storedHit);
        Assert.Equal(HitVerification.Unverified, storedHit.Hit.Verification);
        Assert.Equal(new(1, 1), await bridge.Host.Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Each_new_read_and_hit_is_printed_as_one_line()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Each_new_read_and_hit_is_printed_as_one_line));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var read = TestRecords.Read("pole-1");
        var hit = TestRecords.Hit(read);

        await device.PublishReadAsync(read);
        await device.PublishHitAsync(hit);
        await device.WaitForAcksAsync(read.Id, hit.Id);

        var lines = bridge.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [$"READ  {TestRecords.CapturedAtText} pole-1/cam0  7ABC123  0.97", $"HIT   {TestRecords.CapturedAtText} pole-1/cam0  7ABC123 stolen-vehicle (exact) UNVERIFIED"],
            lines);
        // The feed was asked to print plates (as the demo does); the logs, at Debug, never carry them.
        Assert.NotEmpty(bridge.Logs);
        Assert.DoesNotContain(bridge.Logs, l => l.Message.Contains(read.Plate, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Re_sent_read_is_acknowledged_again_but_stored_and_printed_once()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Re_sent_read_is_acknowledged_again_but_stored_and_printed_once));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var read = TestRecords.Read("pole-1");

        await device.PublishReadAsync(read);
        await device.WaitForAcksAsync(read.Id);
        await device.PublishReadAsync(read);
        await device.WaitForAcksAsync(read.Id);

        Assert.Equal(new(1, 0), await bridge.Host.Store.CountAsync(CancellationToken.None));
        Assert.Equal(1, bridge.Host.Metrics.Duplicates);
        Assert.Single(bridge.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Hit_a_device_claims_is_confirmed_is_stored_unverified()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Hit_a_device_claims_is_confirmed_is_stored_unverified));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var hit = TestRecords.Hit(TestRecords.Read("pole-1")) with { Verification = HitVerification.Confirmed };

        await device.PublishHitAsync(hit);
        await device.WaitForAcksAsync(hit.Id);

        var stored = await bridge.Host.Store.GetHitAsync(hit.Id, CancellationToken.None);
        Assert.Equal(HitVerification.Unverified, stored!.Hit.Verification);
        Assert.EndsWith("UNVERIFIED", bridge.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_oversized_and_wrong_schema_payloads_are_dropped_with_their_topic_logged_and_ingest_keeps_working()
    {
        await using var bridge = await RunningBridge.StartAsync(
            nameof(Malformed_oversized_and_wrong_schema_payloads_are_dropped_with_their_topic_logged_and_ingest_keeps_working));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var readTopic = MqttTopics.Read("pole-1");
        var hitTopic = MqttTopics.Hit("pole-1");

        await device.PublishRawAsync(readTopic, "{\"plate\":"u8.ToArray());
        await device.PublishRawAsync(hitTopic, "{\"id\":\"8f0f2f8e-6f7a-4c1e-9a57-3f7f0d1c2b3a\"}"u8.ToArray());
        await device.PublishRawAsync(readTopic, Encoding.UTF8.GetBytes(new string(' ', WireFormat.MaxPayloadBytes + 1)));
        await device.PublishReadAsync(TestRecords.Read("pole-2"));
        var good = TestRecords.Read("pole-1");
        await device.PublishReadAsync(good);
        // Messages are handled in order, so once the good read is acknowledged the bad ones have been handled.
        await device.WaitForAcksAsync(good.Id);

        Assert.Equal(4, bridge.Host.Metrics.Dropped);
        Assert.Equal(new(1, 0), await bridge.Host.Store.CountAsync(CancellationToken.None));
        var dropped = bridge.Logs.Where(l => l.EventId == 1004 && l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Equal(4, dropped.Count);
        Assert.Contains(dropped, m => m.Contains(readTopic, StringComparison.Ordinal) && m.Contains("malformed", StringComparison.Ordinal));
        Assert.Contains(dropped, m => m.Contains(hitTopic, StringComparison.Ordinal));
        Assert.Contains(dropped, m => m.Contains("exceeds", StringComparison.Ordinal));
        Assert.Contains(dropped, m => m.Contains("does not match the topic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_values_are_dead_lettered_naming_the_field_and_nothing_of_them_is_stored()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Hostile_values_are_dead_lettered_naming_the_field_and_nothing_of_them_is_stored));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var kept = TestRecords.Read("pole-1");
        await device.PublishReadAsync(kept);
        await device.WaitForAcksAsync(kept.Id);
        var hostile = new[]
        {
            TestRecords.Read("pole-1", plate: "' OR 1=1 --"),
            TestRecords.Read("pole-1", plate: "<b>BOLD</b>"),
            TestRecords.Read("pole-1") with { Latitude = 1e308 },
            TestRecords.Read("pole-1") with { Sightings = -5 },
            TestRecords.Read("pole-1") with { CapturedAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) },
            TestRecords.Read("pole-1") with { Camera = new string('c', 100_000) },
        };

        foreach (var read in hostile)
        {
            await device.PublishReadAsync(read);
        }

        var good = TestRecords.Read("pole-1");
        await device.PublishReadAsync(good);
        await device.WaitForAcksAsync(good.Id);

        var letters = await bridge.Host.Store.GetDeadLettersAsync(20, CancellationToken.None);
        Assert.Equal(hostile.Length, letters.Count);
        foreach (var field in new[] { "read plate", "read latitude", "read sightings", "read capturedAt", "read camera" })
        {
            Assert.Contains(letters, l => l.Reason.StartsWith(field, StringComparison.Ordinal));
        }

        Assert.Equal(new(2, 0), await bridge.Host.Store.CountAsync(CancellationToken.None));
        Assert.NotNull(await bridge.Host.Store.GetReadAsync(kept.Id, CancellationToken.None));
        Assert.All(hostile, read => Assert.Null(bridge.Host.Store.GetReadAsync(read.Id, CancellationToken.None).Result));
    }

    [Fact]
    public async Task Refused_messages_are_kept_in_the_dead_letters_with_reason_and_payload_and_listed_by_the_api()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Refused_messages_are_kept_in_the_dead_letters_with_reason_and_payload_and_listed_by_the_api));
        await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        var malformed = "{\"plate\":"u8.ToArray();
        var oversized = Encoding.UTF8.GetBytes(new string(' ', WireFormat.MaxPayloadBytes + 1));

        await device.PublishRawAsync(MqttTopics.Read("pole-1"), malformed);
        await device.PublishRawAsync(MqttTopics.Hit("pole-1"), oversized);
        var good = TestRecords.Read("pole-1");
        await device.PublishReadAsync(good);
        await device.WaitForAcksAsync(good.Id);

        var letters = await bridge.Host.Store.GetDeadLettersAsync(10, CancellationToken.None);
        Assert.Equal([MqttTopics.Hit("pole-1"), MqttTopics.Read("pole-1")], letters.Select(l => l.Topic));
        Assert.Contains("exceeds", letters[0].Reason, StringComparison.Ordinal);
        Assert.Equal((oversized.LongLength, DeadLetter.MaxKeptBytes), (letters[0].PayloadBytes, letters[0].Payload.Length));
        Assert.Contains("malformed", letters[1].Reason, StringComparison.Ordinal);
        Assert.Equal(malformed, letters[1].Payload);
        // Every message is accounted for: stored, duplicate, or dead-lettered with a reason.
        Assert.Equal(bridge.Host.Metrics.Received, bridge.Host.Metrics.Stored + bridge.Host.Metrics.Duplicates + letters.Count);
        using var http = bridge.CreateHttpClient();
        var listed = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/dead-letters?purpose=audit", UriKind.Relative));
        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal(Convert.ToBase64String(malformed), listed[1].GetProperty("payload").GetString());
    }
}
