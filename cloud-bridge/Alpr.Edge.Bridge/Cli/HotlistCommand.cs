using System.CommandLine;

namespace Alpr.Edge.Bridge.Cli;

/// <summary><c>alpr-bridge hotlist keygen|sign|publish</c>: the signing key, signed bundles, and publishing them to devices.</summary>
internal sealed class HotlistCommand : Command
{
    public HotlistCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("hotlist", "Sign hot lists and publish them to devices (signing key in the data folder).")
    {
        Subcommands.Add(new HotlistKeygenCommand(output, error));
        Subcommands.Add(new HotlistSignCommand(output, error, time));
        Subcommands.Add(new HotlistPublishCommand(output, error));
    }

    /// <summary>The <c>--data</c> option every hot-list verb takes.</summary>
    internal static Option<string> DataOption() => new("--data")
    {
        Description = "Data folder holding bridge.db and the hot-list signing key",
        HelpName = "DIR",
        DefaultValueFactory = _ => new Hosting.BridgeOptions().DataDirectory,
    };

    /// <summary>Writes one line to standard error and returns <paramref name="exitCode"/>.</summary>
    internal static async Task<int> FailAsync(TextWriter error, int exitCode, string message)
    {
        await error.WriteLineAsync($"alpr-bridge: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
