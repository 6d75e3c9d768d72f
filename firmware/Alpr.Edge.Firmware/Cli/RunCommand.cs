using System.CommandLine;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Firmware.Reads;
using Alpr.Edge.Firmware.Uplink;

namespace Alpr.Edge.Firmware.Cli;

/// <summary><c>alpr-edge run</c>: the device service.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<string?>("--config", "-c") { Description = "JSON config file (unknown keys are refused)", HelpName = "FILE" };
        var source = new Option<string?>("--source") { Description = "Frame source: sim://SEED[?fps=..&frames=..&plates=A,B] (simulator), v4l2:///dev/videoN (USB/CSI camera), rtsp://HOST/PATH or http(s)://HOST/PATH (IP camera, MJPEG), a video file, or a folder of images [default: sim://1]", HelpName = "URI" };
        var data = new Option<string?>("--data") { Description = "Data folder for the encrypted store (store.db) and its key [default: ./edge-data]", HelpName = "DIR" };
        var broker = new Option<string?>("--broker") { Description = "MQTT broker [default: mqtt://127.0.0.1:1883]", HelpName = "URL" };
        broker.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !BrokerAddress.TryParse(result.Tokens[0].Value, out _, out var reason))
            {
                result.AddError($"--broker: {reason}");
            }
        });
        var runFor = new Option<TimeSpan?>("--for")
        {
            Description = "Stop cleanly after this long (30s, 5m, 1h, 1m30s); runs until Ctrl-C when absent",
            HelpName = "DURATION",
            CustomParser = result =>
            {
                if (DurationParser.TryParse(result.Tokens.Count > 0 ? result.Tokens[0].Value : null, out var duration, out var reason))
                {
                    return duration;
                }

                result.AddError($"--for: {reason}");
                return null;
            },
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per line for each read and hit" };
        var hotlist = new Option<string?>("--hotlist") { Description = "Hot-list CSV (plate,list,category,case)", HelpName = "FILE" };
        var deviceId = new Option<string?>("--device-id") { Description = "Device id for MQTT topics [default: from config, else the host name]", HelpName = "ID" };

        var command = new Command("run", "Run the device: capture, recognise, track, match hot lists, store, and send to the bridge.")
        {
            config, source, data, broker, runFor, json, hotlist, deviceId,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new FirmwareRunSettings
            {
                ConfigFile = parseResult.GetValue(config),
                Source = parseResult.GetValue(source),
                DataDirectory = parseResult.GetValue(data),
                BrokerUrl = parseResult.GetValue(broker),
                RunFor = parseResult.GetValue(runFor),
                HotlistFile = parseResult.GetValue(hotlist),
                DeviceId = parseResult.GetValue(deviceId),
                Reporters = [new ConsoleReadReporter(output, parseResult.GetValue(json))],
            };
            return FirmwareRunner.RunAsync(settings, error, cancellationToken);
        });
        return command;
    }
}
