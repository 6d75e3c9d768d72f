using Alpr.Edge.Contracts;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// How long a hit takes from the frame it was read in to a subscriber on a real Mosquitto (frames in real time,
/// 20 ms apart; tracking reports a plate at its first sighting). The figures are printed; the test checks that every
/// hit arrives and that each hit arrives before its read.
/// </summary>
public sealed class UplinkLatencyTests(ITestOutputHelper output) : UplinkTestBase("alpr-latency-it-")
{
    private const int Passes = 40;
    private const int FramesPerPass = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Hits_reach_a_subscriber_soon_after_their_frame_and_ahead_of_their_reads()
    {
        await using var bridge = await TestBridge.ConnectAsync(Broker.Url, (_, _) => true);
        await using var recorder = await TopicRecorder.ConnectAsync(Broker.Url);
        var observer = new FirmwareObserver();
        var source = new PacedFrameSource(Passes * FramesPerPass, TimeSpan.FromMilliseconds(20));
        using var firmware = UplinkFirmware.Build(
            WorkDirectory,
            Broker.Url,
            "latency-pole",
            observer,
            LogRecorder,
            source,
            frame => frame % FramesPerPass >= 5 ? null : (frame / FramesPerPass) % 2 == 0 ? UplinkFirmware.HotPlate : $"{(char)('A' + (frame / FramesPerPass))}Q{frame / FramesPerPass:D4}",
            UplinkOutageTests.FastTracking());
        await firmware.StartAsync();
        // A loaded machine's capture queue may drop a whole pass's frames (oldest first, as for a live camera): wait for
        // the stream to end and the reads to settle, then check every hit that was made.
        await source.Finished.WaitAsync(Patience);
        await observer.WaitUntilSettledAsync(TimeSpan.FromSeconds(2), Patience);
        Assert.True(observer.Hits.Count >= Passes / 4, $"only {observer.Hits.Count} of {Passes / 2} hot passes were read");
        await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
        await firmware.StopAsync();

        var messages = recorder.Messages.ToList();
        var latencies = new List<double>();
        foreach (var hit in observer.Hits)
        {
            var hitAt = messages.FindIndex(m => m.Topic.EndsWith("/hit", StringComparison.Ordinal) && m.Id == hit.Id);
            var readAt = messages.FindIndex(m => m.Topic.EndsWith("/read", StringComparison.Ordinal) && m.Id == hit.Read.Id);
            Assert.True(hitAt >= 0, $"hit {hit.Id} never reached the subscriber");
            Assert.True(hitAt < readAt, $"hit {hit.Id} arrived after its read");
            latencies.Add((messages[hitAt].ReceivedAt - hit.Read.CapturedAt).TotalMilliseconds);
        }

        latencies.Sort();
        output.WriteLine($"{latencies.Count} hits, frame to subscriber: p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms (500 ms asked)");
        Assert.Equal(observer.Hits.Count, latencies.Count);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
