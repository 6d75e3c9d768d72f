using System.CommandLine;
using Alpr.Edge.Bridge.Loadgen;
using MQTTnet.Exceptions;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>alpr-bridge loadgen --broker mqtt://127.0.0.1:PORT --devices N --rate R --count C [--image-bytes B]</c>: simulated
/// devices publish reads (and hits) to a broker a running bridge ingests from; prints sustained records per second,
/// publish-to-acknowledgement p50/p99 and the count lost. Bounded in count and time, loopback only.
/// </summary>
internal sealed class LoadgenCommand : Command
{
    public LoadgenCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("loadgen", "Measure ingest: simulated devices publish to a broker on this machine; prints records/s, ack latency and losses.")
    {
        var broker = new Option<string>("--broker") { Description = "Broker the bridge ingests from (loopback only)", HelpName = "mqtt://127.0.0.1:PORT", Required = true };
        var devices = new Option<int>("--devices") { Description = "Simulated devices", HelpName = "N", DefaultValueFactory = _ => 20 };
        var rate = new Option<int>("--rate") { Description = "Records per second, all devices together", HelpName = "R", DefaultValueFactory = _ => 1000 };
        var count = new Option<int>("--count") { Description = "Records in all", HelpName = "C", DefaultValueFactory = _ => 10_000 };
        var images = new Option<int>("--image-bytes") { Description = "0: reads (1 in 50 a hit); more: hits carrying images of this many bytes", HelpName = "B", DefaultValueFactory = _ => 0 };
        var maxDuration = new Option<TimeSpan>("--max-duration") { Description = "Longest the run may take", HelpName = "HH:MM:SS", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        foreach (var option in new Option[] { broker, devices, rate, count, images, maxDuration })
        {
            Options.Add(option);
        }

        SetAction(async (parseResult, cancellationToken) =>
        {
            if (!Uri.TryCreate(parseResult.GetValue(broker), UriKind.Absolute, out var uri))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, "--broker: expected mqtt://127.0.0.1:PORT");
            }

            var settings = new LoadgenSettings(uri, parseResult.GetValue(devices), parseResult.GetValue(rate), parseResult.GetValue(count), parseResult.GetValue(images), parseResult.GetValue(maxDuration));
            if (settings.Problem() is { } problem)
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem);
            }

            try
            {
                var result = await new LoadGenerator(time).RunAsync(settings, cancellationToken);
                await output.WriteLineAsync(result.Describe());
                return result.Lost == 0 ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Failure, $"broker {uri} not reached or the run passed --max-duration: {ex.Message}");
            }
        });
    }
}
