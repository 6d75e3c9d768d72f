using Alpr.Edge.CommandLine;
using System.CommandLine;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// The <c>alpr-bridge</c> command line: <c>--version</c>, <c>run</c>, <c>hotlist keygen|sign|publish</c>, <c>broker mosquitto-config</c>, <c>holds</c>, <c>evidence</c>, <c>users</c>, <c>--help</c>.
/// Bad arguments or configuration print one line on standard error and exit with <see cref="ExitCodes.Usage"/>.
/// </summary>
public static class BridgeCli
{
    /// <summary>Parses and runs <paramref name="args"/>; records and help go to <paramref name="output"/>, errors and logs to <paramref name="error"/>.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = CreateRoot(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
        {
            await error.WriteLineAsync($"alpr-bridge: {string.Join("; ", parsed.Errors.Select(e => ParseErrorText.Describe(e.Message)))} (see --help)");
            return ExitCodes.Usage;
        }

        // The host handles Ctrl+C and SIGTERM itself, so System.CommandLine must not (ProcessTerminationTimeout = null).
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Every verb, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    internal static RootCommand CreateRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "alpr-bridge: receives licence-plate reads and hot-list hits from devices over MQTT, stores and acknowledges them, "
            + "and serves a page and API on loopback.")
        {
            new RunCommand(output, error),
            new HotlistCommand(output, error, TimeProvider.System),
            new BrokerCommand(output, error),
            new HoldsCommand(output, error, TimeProvider.System),
            new EvidenceCommand(output, error, TimeProvider.System),
            new CletsCommand(output, error, TimeProvider.System),
            new LoadgenCommand(output, error, TimeProvider.System),
            new UsersCommand(output, error, TimeProvider.System),
            new AuditCommand(output, error, TimeProvider.System),
        };
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction();
        }

        return root;
    }
}
