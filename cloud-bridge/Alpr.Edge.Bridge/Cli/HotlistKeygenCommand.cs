using System.CommandLine;
using Alpr.Edge.Bridge.Hotlists;

namespace Alpr.Edge.Bridge.Cli;

/// <summary><c>alpr-bridge hotlist keygen</c>: creates the P-256 signing key (owner-only) and its public key for devices.</summary>
internal sealed class HotlistKeygenCommand : Command
{
    private readonly Option<string> _data = HotlistCommand.DataOption();
    private readonly Option<bool> _force = new("--force") { Description = "Replace an existing key (devices must then be given the new public key)" };
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public HotlistKeygenCommand(TextWriter output, TextWriter error)
        : base("keygen", "Create the hot-list signing key in the data folder.")
    {
        _output = output;
        _error = error;
        Options.Add(_data);
        Options.Add(_force);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var key = new HotlistSigningKey(parseResult.GetValue(_data)!);
        try
        {
            var keyId = key.Create(parseResult.GetValue(_force));
            await _output.WriteLineAsync($"hot-list signing key {keyId}: private {key.PrivatePath} (owner-only); give devices {key.PublicPath} (Hotlists:TrustedKeyFiles)");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Failure, ex.Message);
        }
    }
}
