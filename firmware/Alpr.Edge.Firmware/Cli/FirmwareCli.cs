using Alpr.Edge.CommandLine;
using System.CommandLine;
using System.CommandLine.Invocation;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>The <c>alpr-edge</c> command line: <c>run</c>, <c>recognize</c>, <c>simulate</c>, <c>store</c>, <c>selftest</c>, <c>--version</c>, <c>--help</c>.</summary>
public static class FirmwareCli
{
    /// <summary>
    /// Parses and runs <paramref name="args"/>. Bad arguments print one line on <paramref name="error"/> and
    /// return <see cref="ExitCodes.BadUsage"/>; read lines go to <paramref name="output"/>, logs to standard error.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = CreateRoot(output, error);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction && parseResult.Errors.Count > 0)
        {
            var command = parseResult.CommandResult.Command;
            var name = command == root ? "alpr-edge" : $"alpr-edge {command.Name}";
            // "Required command was not provided" says less than an unrecognised token next to it.
            var first = parseResult.Errors.OrderBy(e => e.Message.StartsWith("Required command", StringComparison.Ordinal) ? 1 : 0).First();
            await error.WriteLineAsync($"alpr-edge: {ParseErrorText.Describe(first.Message).ReplaceLineEndings(" ")} (see '{name} --help')");
            return ExitCodes.BadUsage;
        }

        return await parseResult.InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null },
            cancellationToken);
    }

    /// <summary>Every verb, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    internal static RootCommand CreateRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("alpr-edge: the licence-plate reader on the pole (capture, recognition, hot lists, device store, MQTT uplink).")
        {
            RunCommand.Create(output, error),
            RecognizeCommand.Create(),
            SimulateCommand.Create(),
            SelftestCommand.Create(),
            StoreCommand.Create(),
            BenchCommand.Create(),
            CalibrateCommand.Create(),
            DumpTensorsCommand.Create(),
            FusionBenchCommand.Create(),
        };
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(output);
        }

        return root;
    }
}
