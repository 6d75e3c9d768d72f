using System.CommandLine;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>The options every <c>store</c> verb takes.</summary>
internal sealed class StoreCommandOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "Data folder of the store and its key (as for 'alpr-edge run --data') [default: ./edge-data]", HelpName = "DIR" };

    public Option<string?> Config { get; } = new("--config", "-c") { Description = "JSON config file, for the Storage settings (disk budget, expected traffic)", HelpName = "FILE" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object instead of text" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Config);
        command.Options.Add(Json);
    }
}
