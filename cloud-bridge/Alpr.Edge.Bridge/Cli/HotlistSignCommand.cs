using System.CommandLine;
using System.Globalization;
using Alpr.Edge.Bridge.Hotlists;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Loading;

namespace Alpr.Edge.Bridge.Cli;

/// <summary><c>alpr-bridge hotlist sign --in list.csv --out bundle</c>: a signed bundle of a CSV hot list.</summary>
internal sealed class HotlistSignCommand : Command
{
    private readonly Option<string> _data = HotlistCommand.DataOption();
    private readonly Option<string> _in = new("--in") { Description = "Hot list as CSV (see docs/hotlists.md)", HelpName = "FILE", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "Where to write the signed bundle", HelpName = "FILE", Required = true };
    private readonly Option<long?> _version = new("--list-version") { Description = "List version, higher than any published before [default: UTC time as yyyyMMddHHmmss]", HelpName = "N" };
    private readonly Option<string> _issuer = new("--issuer") { Description = "Issuer named in the bundle", HelpName = "NAME", DefaultValueFactory = _ => "alpr-bridge" };
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;

    public HotlistSignCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("sign", "Sign a CSV hot list into a bundle devices verify.")
    {
        _output = output;
        _error = error;
        _time = time;
        Options.Add(_data);
        Options.Add(_in);
        Options.Add(_out);
        Options.Add(_version);
        Options.Add(_issuer);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var version = parseResult.GetValue(_version) ?? long.Parse(now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        IReadOnlyList<Alpr.Edge.Hotlists.Entries.HotlistEntry> entries;
        try
        {
            entries = HotlistCsv.Load(parseResult.GetValue(_in)!);
        }
        catch (HotlistFormatException ex)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, ex.Message);
        }

        try
        {
            using var key = new HotlistSigningKey(parseResult.GetValue(_data)!).Load();
            var signer = new HotlistBundleSigner(key);
            var bundle = signer.Sign(new HotlistDocument
            {
                Schema = HotlistDocument.CurrentSchema,
                ListVersion = version,
                IssuedAt = now,
                Issuer = parseResult.GetValue(_issuer)!,
                Entries = entries,
            });
            var output = parseResult.GetValue(_out)!;
            AtomicFile.WriteAllBytes(output, bundle);
            await _output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"signed hot list version {version}: {entries.Count} entries, key {signer.KeyId}, {bundle.Length} bytes -> {output}"));
            return ExitCodes.Success;
        }
        catch (ArgumentException ex)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Failure, ex.Message);
        }
    }
}
