using System.Text;
using System.Text.Json;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Contracts;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.IntegrationTests.Bridge;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Firmware;

/// <summary>
/// The topic and payload document (docs/uplink.md, docs/uplink/schemas) against what the code sends: a subscriber on
/// <c>alpr/v1/#</c> records a run with reads, hits, events, status, acknowledgements and commands on a real Mosquitto,
/// and every payload is validated against the schema of its topic.
/// </summary>
public sealed class UplinkSchemaTests(ITestOutputHelper output) : UplinkTestBase("alpr-schema-it-")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Every_message_on_the_topic_tree_matches_the_schema_of_its_topic()
    {
        var schemas = LoadSchemas();
        await using var recorder = await TopicRecorder.ConnectAsync(Broker.Url);
        await using var bridge = await RunningBridge.StartAsync(nameof(Every_message_on_the_topic_tree_matches_the_schema_of_its_topic), Broker.Url);
        var observer = new FirmwareObserver();
        using (var firmware = UplinkFirmware.Build(
            WorkDirectory,
            Broker.Url,
            "schema-pole",
            observer,
            LogRecorder,
            new ScriptedFrameSource(40, DateTimeOffset.UtcNow),
            i => i switch { < 10 => UplinkFirmware.HotPlate, >= 30 => "4XYZ567", _ => null },
            new Dictionary<string, string?> { ["Uplink:StatusInterval"] = "00:00:01" }))
        {
            await firmware.StartAsync();
            await observer.WaitForReadsAsync(2, Patience);

            // A command is not retained: send it only once the device has subscribed, which it does before it says it is online
            // (reads reach the observer before the uplink has connected when the machine is busy).
            await UplinkFirmware.WaitUntilAsync(() => recorder.On("status").Any(m => Encoding.UTF8.GetString(m.Payload) == "online"), Patience, "the online status");
            firmware.Services.GetRequiredService<SimulatedPole>().SetTamperOpen(true);
            var ingest = bridge.Host.Services.GetRequiredService<MqttIngestService>();
            var hold = new DeviceCommandMessage
            {
                Id = Guid.NewGuid(),
                Command = DeviceCommands.PlaceHold,
                Hold = new HoldSpec { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow },
                Reason = "schema test",
                RequestedBy = "test",
                IssuedAt = DateTimeOffset.UtcNow,
            };
            try
            {
                // The same command id is applied once however often it arrives, so it is sent again until the device
                // answers: a command published while the device's session is being re-established is not queued for it.
                await UplinkFirmware.WaitUntilAsync(() => EventOfKind(recorder, DeviceEventKinds.Tamper), Patience, "the tamper event");
                await ResendUntilAsync(() => ingest.SendCommandAsync("schema-pole", hold, CancellationToken.None), () => EventOfKind(recorder, DeviceEventKinds.Hold), "the hold event");
                await UplinkFirmware.WaitUntilAsync(() => recorder.On("health").Count >= 2, Patience, "two status messages");
            }
            catch (TimeoutException timeout)
            {
                foreach (var log in LogRecorder.Logs.TakeLast(80))
                {
                    output.WriteLine($"{log.Level} {log.Category}: {log.Message}");
                }

                var topics = recorder.Messages.GroupBy(m => m.Topic).Select(g => $"{g.Key} x{g.Count()}");
                var kinds = recorder.On("event").Select(m => WireFormat.TryParse(m.Payload, ContractsJson.Default.DeviceEventMessage, out var e, out _) ? e!.Kind : "?");
                throw new TimeoutException($"{timeout.Message}; recorded: {string.Join(", ", topics)}; event kinds: {string.Join(", ", kinds)}", timeout);
            }

            await observer.WaitForAcknowledgementsAsync(observer.StoredIds, Patience);
            await UplinkFirmware.WaitUntilAsync(() => recorder.On("ack").Count >= 2, Patience, "acknowledgements");
            await firmware.StopAsync();
        }

        await UplinkFirmware.WaitUntilAsync(() => recorder.On("status").Any(m => Encoding.UTF8.GetString(m.Payload) == "stopped"), Patience, "the stopped status");
        var messages = recorder.Messages.ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var leaf = message.Topic[(message.Topic.LastIndexOf('/') + 1)..];
            Assert.True(schemas.TryGetValue(leaf, out var schema), $"topic {message.Topic} is not in docs/uplink.md");
            using var document = leaf == "status"
                ? JsonSerializer.SerializeToDocument(Encoding.UTF8.GetString(message.Payload))
                : JsonDocument.Parse(message.Payload);
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.True(result.IsValid, $"{message.Topic}: {Encoding.UTF8.GetString(message.Payload)}\n{Describe(result)}");
            seen[leaf] = seen.GetValueOrDefault(leaf) + 1;
        }

        output.WriteLine(string.Join(", ", seen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        // The device logged at Debug through reads, a hit, a hold and acknowledgements, and never a plate.
        Assert.DoesNotContain(LogRecorder.Logs, l => l.Message.Contains(UplinkFirmware.HotPlate, StringComparison.Ordinal) || l.Message.Contains("4XYZ567", StringComparison.Ordinal));
        foreach (var topic in new[] { "read", "hit", "event", "health", "status", "ack", "command" })
        {
            Assert.True(seen.ContainsKey(topic), $"no message on {topic} was recorded");
        }
    }

    private static bool EventOfKind(TopicRecorder recorder, string kind) =>
        recorder.On("event").Any(m => WireFormat.TryParse(m.Payload, ContractsJson.Default.DeviceEventMessage, out var e, out _) && e!.Kind == kind);

    private static async Task ResendUntilAsync(Func<Task> send, Func<bool> answered, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            await send();
            try
            {
                await UplinkFirmware.WaitUntilAsync(answered, TimeSpan.FromSeconds(5), what);
                return;
            }
            catch (TimeoutException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
        }
    }

    private static Dictionary<string, JsonSchema> LoadSchemas()
    {
        var directory = Path.Combine(RepositoryRoot(), "docs", "uplink", "schemas");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.schema.json"))
        {
            var name = Path.GetFileName(file)[..^".schema.json".Length];
            schemas[name] = JsonSchema.FromText(File.ReadAllText(file), options);
        }

        return schemas;
    }

    private static string Describe(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
