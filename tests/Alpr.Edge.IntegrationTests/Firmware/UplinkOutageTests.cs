using Alpr.Edge.Contracts;
using Alpr.Edge.IntegrationTests.Bridge;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// A broker outage in the middle of a stream of reads, with the real bridge (ingest and central store) on a real
/// Mosquitto: every read reaches the bridge's store exactly once, the backlog goes out hits first, and the periodic
/// status shows the backlog draining at the configured rate.
/// </summary>
public sealed class UplinkOutageTests(ITestOutputHelper output) : UplinkTestBase("alpr-outage-it-")
{
    private const int Passes = 60;
    private const int FramesPerPass = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Pass p shows its plate on the first 5 of its 15 frames (20 ms apart); every 5th pass is the hot-listed plate.</summary>
    internal static string? PlateAt(int frame)
    {
        var pass = frame / FramesPerPass;
        if (frame % FramesPerPass >= 5)
        {
            return null;
        }

        return pass % 5 == 0 ? UplinkFirmware.HotPlate : $"{(char)('A' + (pass % 26))}{(char)('A' + (pass / 26 % 26))}{pass:D4}";
    }

    internal static Dictionary<string, string?> FastTracking() => new()
    {
        ["Tracking:Gap"] = "00:00:00.1",
        ["Tracking:SettleSightings"] = "1",
    };

    [Fact]
    public async Task Broker_stopped_during_a_stream_then_restarted_every_read_arrives_once_at_the_bridge_hits_first()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(Broker_stopped_during_a_stream_then_restarted_every_read_arrives_once_at_the_bridge_hits_first), Broker.Url);
        var observer = new FirmwareObserver();
        var configuration = FastTracking();
        configuration["Uplink:ReconnectMinDelay"] = "00:00:03";
        configuration["Uplink:ReconnectMaxDelay"] = "00:00:03";
        configuration["Uplink:AckTimeout"] = "00:00:05";
        configuration["Uplink:MaxReadsPerSecond"] = "10";
        configuration["Uplink:BatchSize"] = "5";
        configuration["Uplink:StatusInterval"] = "00:00:01";
        var source = new PacedFrameSource(Passes * FramesPerPass, TimeSpan.FromMilliseconds(20));
        using var firmware = UplinkFirmware.Build(WorkDirectory, Broker.Url, "outage-pole", observer, LogRecorder, source, PlateAt, configuration);
        await firmware.StartAsync();

        await observer.WaitForReadsAsync(10, Patience);
        await Broker.StopAsync();
        var storedBeforeOutage = observer.StoredIds.ToHashSet();
        await observer.WaitForReadsAsync(30, Patience);
        // The backlog: what was stored while the broker was down. Taken before the restart, so a hit of a pass made after
        // it (sent after the backlog's reads, rightly) is not counted as part of the backlog.
        var outageIds = observer.StoredIds.Where(id => !storedBeforeOutage.Contains(id)).ToHashSet();
        await Broker.StartAgainAsync();
        await using var recorder = await TopicRecorder.ConnectAsync(Broker.Url);

        // On a loaded machine the capture queue drops frames (oldest first, as for a live camera), and a pass can lose
        // all its plate frames: wait for the stream to end and the reads to settle rather than for exactly one per pass.
        await source.Finished.WaitAsync(Patience);
        await observer.WaitUntilSettledAsync(TimeSpan.FromSeconds(2), Patience);
        Assert.True(observer.Reads.Count >= Passes / 2, $"only {observer.Reads.Count} of {Passes} passes were read");
        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
        await firmware.StopAsync();

        // Every read and hit is in the central store, exactly once.
        var counts = await bridge.Host.Store.CountAsync(CancellationToken.None);
        Assert.Equal(observer.Reads.Count, counts.Reads);
        Assert.Equal(observer.Hits.Count, counts.Hits);
        foreach (var read in observer.Reads)
        {
            Assert.NotNull(await bridge.Host.Store.GetReadAsync(read.Id, CancellationToken.None));
        }

        // The backlog made during the outage went out hits first.
        var delivered = recorder.Messages.Where(m => m.Topic.EndsWith("/read", StringComparison.Ordinal) || m.Topic.EndsWith("/hit", StringComparison.Ordinal)).ToList();
        var outageHits = delivered.FindAll(m => m.Topic.EndsWith("/hit", StringComparison.Ordinal) && outageIds.Contains(m.Id));
        var outageReads = delivered.FindAll(m => m.Topic.EndsWith("/read", StringComparison.Ordinal) && outageIds.Contains(m.Id));
        Assert.NotEmpty(outageHits);
        Assert.NotEmpty(outageReads);
        // First deliveries only: a record not acknowledged within Uplink:AckTimeout (5 s here; a loaded machine can take
        // that long to store and ack) is sent again later by design, and the bridge drops the duplicate.
        var lastFirstHit = outageHits.GroupBy(m => m.Id).Max(g => delivered.IndexOf(g.First()));
        Assert.True(
            lastFirstHit < delivered.IndexOf(outageReads[0]),
            "a read of the backlog was sent before a hit of the backlog");
        var duplicates = delivered.Count - delivered.Select(m => m.Id).Distinct().Count();

        // The status showed the backlog draining.
        var backlogs = recorder.On("health")
            .Select(m => WireFormat.TryParse(m.Payload, ContractsJson.Default.DeviceHealthMessage, out var health, out _) ? health!.Backlog.Reads : -1)
            .ToList();
        Assert.Contains(backlogs, b => b >= 10);
        Assert.True(backlogs.IndexOf(backlogs.Max()) < backlogs.Count - 1 && backlogs[^1] < backlogs.Max(), $"status backlogs {string.Join(",", backlogs)} do not show a drain");

        var drain = outageReads.Count > 1
            ? (outageReads.Count - 1) / (outageReads[^1].ReceivedAt - outageReads[0].ReceivedAt).TotalSeconds
            : 0;
        output.WriteLine($"outage backlog: {outageIds.Count} records ({outageHits.Count} hits, {outageReads.Count} reads); drained at {drain:0.0} reads/s (limit 10/s); " +
            $"{duplicates} duplicate deliveries dropped by the bridge (stored {counts.Reads} reads, {counts.Hits} hits); status backlogs: {string.Join(",", backlogs)}");
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Level >= LogLevel.Error);
    }
}
