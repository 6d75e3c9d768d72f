using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.Bridge.Cli;

/// <summary><c>alpr-bridge evidence keygen|export|verify</c>: signed exports of a case's held reads and hits to portable media.</summary>
internal sealed class EvidenceCommand : Command
{
    public EvidenceCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("evidence", "Export a case's held reads and hits to a folder, signed, and verify such a folder.")
    {
        Subcommands.Add(Keygen(output, error));
        Subcommands.Add(Export(output, error, time));
        Subcommands.Add(Verify(output, error));
    }

    private static Command Keygen(TextWriter output, TextWriter error)
    {
        var data = HotlistCommand.DataOption();
        var force = new Option<bool>("--force") { Description = "Replace an existing key (exports signed before then verify only with the old public key)" };
        var command = new Command("keygen", "Create the evidence key in the data folder (private key owner-only).");
        command.Options.Add(data);
        command.Options.Add(force);
        command.SetAction(async (parseResult, _) =>
        {
            var key = EvidenceKey.In(parseResult.GetValue(data)!);
            try
            {
                var keyId = key.Create(parseResult.GetValue(force), "anyone checking earlier exports needs");
                await output.WriteLineAsync($"evidence key {keyId}: private {key.PrivatePath} (owner-only); give {key.PublicPath} to whoever verifies exports");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Failure, ex.Message);
            }
        });
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var caseNumber = new Option<string>("--case") { Description = "Case number: every read and hit its holds in force select", HelpName = "N", Required = true };
        var to = new Option<string>("--to") { Description = "Folder to write (new or empty), e.g. on portable media", HelpName = "FOLDER", Required = true };
        var by = new Option<string>("--by") { Description = "Who exports", HelpName = "NAME", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why", HelpName = "TEXT", Required = true };
        var command = new Command("export", "Export a case's held reads and hits, their images, and a signed manifest.");
        store.AddTo(command);
        foreach (var option in new Option[] { caseNumber, to, by, reason })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) => await store.RunAsync(parseResult, error, async (options, central) =>
        {
            using var trail = CentralStores.TrailOf(central, time);
            var export = await new EvidenceExporter(central, trail, time).ExportAsync(
                parseResult.GetValue(caseNumber)!, parseResult.GetValue(to)!, parseResult.GetValue(by)!, parseResult.GetValue(reason)!,
                options.DataDirectory, null, cancellationToken);
            if (export.Manifest is not { } manifest)
            {
                return await HotlistCommand.FailAsync(error, export.IsUsageError ? ExitCodes.Usage : ExitCodes.Failure, export.Error!);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"exported case {manifest.CaseNumber}: {manifest.Reads} reads, {manifest.Hits} hits, {manifest.Files.Count} files -> {export.Folder} (manifest signed by evidence key {manifest.KeyId})"));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Verify(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("FOLDER") { Description = "An evidence export" };
        var data = HotlistCommand.DataOption();
        var publicKey = new Option<string?>("--public-key") { Description = "The evidence public key to check the signature with [default: evidence-signing.pub.pem in the data folder]", HelpName = "FILE" };
        var command = new Command("verify", "Check an export: signature, and every file changed, missing or added. Exit 0 when intact, 1 when not.");
        command.Arguments.Add(folder);
        command.Options.Add(data);
        command.Options.Add(publicKey);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, $"'{path}' is not a folder");
            }

            var keyPath = parseResult.GetValue(publicKey) ?? EvidenceKey.In(parseResult.GetValue(data)!).PublicPath;
            string pem;
            try
            {
                pem = await File.ReadAllTextAsync(keyPath, cancellationToken);
                using var check = ECDsa.Create();
                check.ImportFromPem(pem);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, $"public key '{keyPath}': {ex.Message} (pass the evidence public key with --public-key FILE)");
            }

            var (problems, manifest) = await EvidenceVerifier.VerifyAsync(path, pem, cancellationToken);
            foreach (var problem in problems)
            {
                await output.WriteLineAsync(problem);
            }

            if (problems.Count > 0)
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Failure, string.Create(CultureInfo.InvariantCulture, $"'{path}' is NOT intact: {problems.Count} problem(s)"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"intact: case {manifest!.CaseNumber}, {manifest.Files.Count} files, exported by {manifest.ExportedBy} at {manifest.ExportedAt:O} ({manifest.Reason}), signed by key {manifest.KeyId}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
