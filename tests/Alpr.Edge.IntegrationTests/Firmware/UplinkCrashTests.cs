using System.Diagnostics;
using System.Text.Json;
using Alpr.Edge.IntegrationTests.Bridge;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// The real <c>alpr-edge run</c> (simulated camera, real recognition) as a child process, killed with SIGKILL while its
/// records are published but not acknowledged (no bridge yet); run again with the real bridge listening: every record
/// the first run reported stored reaches the central store, once.
/// </summary>
public sealed class UplinkCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-uplink-crash-").FullName;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_device_killed_with_an_unacknowledged_backlog_loses_nothing_and_doubles_nothing_at_the_bridge()
    {
        var first = new HashSet<Guid>();
        await using var recorder = await TopicRecorder.ConnectAsync(_broker.Url);
        using (var device = StartDevice())
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (first.Count < 3 || recorder.On("read").Count < 1)
            {
                var line = await device.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"alpr-edge exited: {await device.StandardError.ReadToEndAsync(timeout.Token)}");
                Collect(line, first);
            }

            device.Kill();
            await device.WaitForExitAsync(timeout.Token);
            while (await device.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
            {
                Collect(rest, first);
            }
        }

        await using var bridge = await RunningBridge.StartAsync(nameof(A_device_killed_with_an_unacknowledged_backlog_loses_nothing_and_doubles_nothing_at_the_bridge), _broker.Url);
        var second = new HashSet<Guid>();
        using (var device = StartDevice())
        {
            var reading = Task.Run(async () =>
            {
                while (await device.StandardOutput.ReadLineAsync() is { } line)
                {
                    lock (second)
                    {
                        Collect(line, second);
                    }
                }
            });
            await UplinkFirmware.WaitUntilAsync(() => first.All(id => Stored(bridge, id)), Patience, "every record of the killed run at the bridge");
            device.Kill();
            await device.WaitForExitAsync();
            await reading;
        }

        var counts = await bridge.Host.Store.CountAsync(CancellationToken.None);
        var known = first.Union(second).ToHashSet();
        var reads = await bridge.Host.Store.GetRecentReadsAsync(10_000, CancellationToken.None);
        var hits = await bridge.Host.Store.GetRecentHitsAsync(10_000, CancellationToken.None);
        Assert.All(reads, r => Assert.Contains(r.Read.Id, known));
        Assert.All(hits, h => Assert.Contains(h.Hit.Id, known));
        Assert.Equal(reads.Count, reads.Select(r => r.Read.Id).Distinct().Count());
        Assert.Equal(counts.Reads + counts.Hits, bridge.Host.Metrics.Stored);
        output.WriteLine($"killed run: {first.Count} records stored; after restart the bridge holds {counts.Reads} reads and {counts.Hits} hits, " +
            $"{bridge.Host.Metrics.Duplicates} re-sent copies dropped as duplicates");
    }

    private static bool Stored(RunningBridge bridge, Guid id) =>
        bridge.Host.Store.GetReadAsync(id, CancellationToken.None).GetAwaiter().GetResult() is not null
        || bridge.Host.Store.GetHitAsync(id, CancellationToken.None).GetAwaiter().GetResult() is not null;

    private static void Collect(string line, HashSet<Guid> ids)
    {
        if (!line.StartsWith('{'))
        {
            return;
        }

        using var json = JsonDocument.Parse(line);
        if (json.RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var guid))
        {
            ids.Add(guid);
        }
    }

    private Process StartDevice()
    {
        var process = AlprEdgeProcess.Start(
            ["run", "--source", "sim://7", "--data", Path.Combine(_directory, "edge"), "--broker", _broker.Url.ToString(), "--device-id", "crash-pole", "--json"],
            new Dictionary<string, string>
            {
                ["ALPR_EDGE_Uplink__ReconnectMinDelay"] = "00:00:00.2",
                ["ALPR_EDGE_Uplink__ReconnectMaxDelay"] = "00:00:01",
            });
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
