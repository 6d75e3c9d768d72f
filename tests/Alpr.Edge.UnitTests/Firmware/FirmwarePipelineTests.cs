using System.Text.Json;
using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Firmware.Reads;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class FirmwarePipelineTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Each_vehicle_pass_is_stored_once_and_a_hot_list_plate_also_as_a_hit_while_the_broker_is_unreachable()
    {
        // Frames 0-9 show 7ABC123 (on the hot list), 10-29 nothing, 30-39 4XYZ567, then the source ends.
        var hotlist = _temp.File("hot.csv", "plate,list,category,case\n7ABC-123,stolen,vehicle,C-42\n");
        var reporter = new FirmwareObserver();
        using var json = new StringWriter();
        var logs = new CollectingLoggerProvider();
        var settings = new FirmwareRunSettings
        {
            DataDirectory = _temp.Path,
            HotlistFile = hotlist,
            BrokerUrl = "mqtt://127.0.0.1:1",
            DeviceId = "pole-7",
            Configuration = new Dictionary<string, string?> { ["Pipeline:ChannelCapacity"] = "100" },
            Reporters = [reporter, new ConsoleReadReporter(json, json: true)],
            ConfigureLogging = logging => logging.AddProvider(logs),
            ConfigureServices = services =>
            {
                services.AddSingleton<IFrameSource>(new ScriptedFrameSource(40, Start));
                services.AddSingleton<IPlateRecognizer>(new ScriptedRecognizer(i => i switch
                {
                    < 10 => "7ABC123",
                    >= 30 => "4XYZ567",
                    _ => null,
                }));
            },
        };

        using (var host = FirmwareHost.Build(settings))
        {
            await host.StartAsync();
            await reporter.WaitForReadsAsync(2, TimeSpan.FromSeconds(20));
            await host.StopAsync();
        }

        Assert.Equal(["7ABC123", "4XYZ567"], reporter.Reads.Select(r => r.Plate));
        Assert.All(reporter.Reads, r => Assert.Equal("pole-7", r.DeviceId));
        var hit = Assert.Single(reporter.Hits);
        Assert.Equal(("stolen", "vehicle", "C-42", "exact"), (hit.ListName, hit.Category, hit.CaseNumber, hit.MatchKind));
        Assert.Equal(reporter.Reads[0].Id, hit.Read.Id);
        Assert.Empty(logs.Errors);

        using var store = DeviceStore.Open(_temp.Path, TimeProvider.System);
        Assert.Equal(2, store.Count(RecordKind.Read).NotSent + store.Count(RecordKind.Read).InFlight);
        Assert.Equal(1, store.Count(RecordKind.Hit).NotSent + store.Count(RecordKind.Hit).InFlight);

        var lines = json.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["hit", "read", "read"], lines.Select(l => l.GetProperty("type").GetString()));
        Assert.Equal("stolen", lines[0].GetProperty("list").GetString());
        Assert.Equal("exact", lines[0].GetProperty("match").GetString());
        Assert.Equal("7ABC123", lines[1].GetProperty("plate").GetString());
        Assert.Equal("cam0", lines[1].GetProperty("camera").GetString());
        Assert.True(lines[1].TryGetProperty("confidence", out _));
        Assert.True(lines[1].TryGetProperty("capturedAt", out _));
        Assert.True(lines[1].TryGetProperty("id", out _));
    }

    [Fact]
    public async Task The_run_limit_stops_the_host_cleanly()
    {
        var clock = new FakeTimeProvider(Start);
        var settings = new FirmwareRunSettings
        {
            DataDirectory = _temp.Path,
            BrokerUrl = "mqtt://127.0.0.1:1",
            RunFor = TimeSpan.FromSeconds(30),
            TimeProvider = clock,
            ConfigureLogging = logging => logging.ClearProviders(),
            ConfigureServices = services =>
            {
                services.AddSingleton<IFrameSource>(new ScriptedFrameSource(0, Start));
                services.AddSingleton<IPlateRecognizer>(new ScriptedRecognizer(_ => null));
            },
        };

        using var host = FirmwareHost.Build(settings);
        await host.StartAsync();
        var stopped = host.WaitForShutdownAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(stopped.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));

        await stopped.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public void Dispose() => _temp.Dispose();
}
