using System.CommandLine;
using Alpr.Edge.Firmware.SelfTest;
using Alpr.Edge.Firmware.Uplink;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// <c>alpr-edge selftest [--simulate] [--json] [--config FILE] [--source URI] [--broker URL] [--no-broker]</c>: checks the
/// pole's hardware, camera, recognition model and broker, one line each with the fix under each failure; exits 1 when any fails.
/// </summary>
internal static class SelftestCommand
{
    public static Command Create()
    {
        var simulate = new Option<bool>("--simulate") { Description = "Check a simulated pole (and camera sim://1 unless --source or Capture:Source says otherwise)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document: passed, checks (name, passed, detail, fix), notChecked" };
        var config = new Option<string?>("--config", "-c") { Description = "JSON config file (the one alpr-edge run uses)", HelpName = "FILE" };
        var source = new Option<string?>("--source") { Description = "Frame source to check instead of Capture:Source", HelpName = "URI" };
        var broker = new Option<string?>("--broker") { Description = "MQTT broker to check instead of Uplink:BrokerUrl", HelpName = "URL" };
        broker.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !BrokerAddress.TryParse(result.Tokens[0].Value, out _, out var reason))
            {
                result.AddError($"--broker: {reason}");
            }
        });
        var noBroker = new Option<bool>("--no-broker") { Description = "Leave the broker out; it is reported as not checked, never as passed" };

        var command = new Command("selftest", "Check the pole: pins, illuminator, sensors, inputs, camera, model and broker (stop the service first).")
        {
            simulate, json, config, source, broker, noBroker,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new SelftestSettings
            {
                Simulate = parseResult.GetValue(simulate),
                ConfigFile = parseResult.GetValue(config),
                Source = parseResult.GetValue(source),
                BrokerUrl = parseResult.GetValue(broker),
                SkipBroker = parseResult.GetValue(noBroker),
            };
            using var loggerFactory = LoggerFactory.Create(b => b
                .SetMinimumLevel(LogLevel.Warning)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            var result = await FirmwareSelftest.RunAsync(settings, loggerFactory, cancellationToken);
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteAsync(parseResult.GetValue(json) ? result.RenderJson() + Environment.NewLine : result.RenderText());
            return result.ExitCode;
        });
        return command;
    }
}
