using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Alpr.Edge.Bridge.Audit.Checkpoints;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Audit.Verification;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Keys;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>alpr-bridge audit verify</c>: checks the hash-chained audit trail of the configured store and its signed
/// checkpoints (database and file); one line per problem, naming the sequence; exit 0 only when intact.
/// </summary>
internal sealed class AuditCommand : Command
{
    public AuditCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("audit", "Verify the bridge's tamper-evident audit trail.")
    {
        Subcommands.Add(Verify(output, error, time));
    }

    private static Command Verify(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var checkpoints = new Option<string?>("--checkpoints")
        {
            Description = "The checkpoint file (JSON lines) [default: the config's auditCheckpointFile, else audit-checkpoints.jsonl in the data folder]",
            HelpName = "FILE",
        };
        var publicKey = new Option<string?>("--public-key")
        {
            Description = "The audit public key [default: audit-signing.pub.pem in the data folder]",
            HelpName = "FILE",
        };
        var command = new Command("verify", "Recompute the audit chain, check every checkpoint's signature, and find edited, inserted, deleted or reordered entries and a rolled-back database.");
        store.AddTo(command);
        command.Options.Add(checkpoints);
        command.Options.Add(publicKey);
        command.SetAction(async (parseResult, cancellationToken) => await store.RunAsync(parseResult, error, async (options, central) =>
        {
            var file = new AuditCheckpointFile(parseResult.GetValue(checkpoints) ?? options.ResolveAuditCheckpointFile());
            using var key = AuditKey.LoadPublic(parseResult.GetValue(publicKey) ?? AuditKey.In(options.DataDirectory).PublicPath);
            AuditVerification result;
            try
            {
                result = await AuditVerifier.VerifyAsync(CentralStores.AuditOf(central), key, file, cancellationToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidCastException or FormatException or InvalidOperationException)
            {
                // A table an administrator replaced (a column gone, a NULL where none is allowed) cannot even be read.
                return await HotlistCommand.FailAsync(error, ExitCodes.Failure, $"audit trail NOT intact: its tables cannot be read ({ex.Message.ReplaceLineEndings(" ")})");
            }

            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync(problem.Message);
            }

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{result.Entries} entries (last sequence {result.LastSequence}), {result.DatabaseCheckpoints} checkpoints in the database, {result.FileCheckpoints} in {file.Path}");
            await output.WriteLineAsync(result.Intact ? $"audit trail intact: {summary}" : $"audit trail NOT intact: {result.Problems.Count} problems; {summary}");
            using var trail = CentralStores.TrailOf(central, time);
            await trail.AppendAsync(
                new AuditEvent(Environment.UserName, null, null, AuditedAction.AuditVerified, result.Intact ? "intact" : "broken",
                    Target: file.Path, Detail: string.Create(CultureInfo.InvariantCulture, $"entries={result.Entries} problems={result.Problems.Count}")),
                cancellationToken);
            return result.Intact ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return command;
    }
}
