using System.CommandLine;
using System.Globalization;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>alpr-bridge clets import FILE --by NAME</c>: loads CLETS-derived details (CSV <c>reference,details</c>) into the
/// central store, where the API resolves a hit's opaque reference for users authorised for CLETS data only. The file is
/// checked whole first: one bad line and nothing is imported. The import is audited.
/// </summary>
internal sealed class CletsCommand : Command
{
    /// <summary>Longest details text accepted, in characters.</summary>
    public const int MaxDetailsLength = 4000;

    public CletsCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("clets", "CLETS-derived hot-list details, shown only to users authorised for CLETS data.")
    {
        var store = new StoreCliOptions();
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with a header line 'reference,details'" };
        var by = new Option<string>("--by") { Description = "Who imports the file", HelpName = "NAME", Required = true };
        var import = new Command("import", "Import CLETS details by reference (a reference already known is replaced).");
        store.AddTo(import);
        import.Arguments.Add(file);
        import.Options.Add(by);
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var who = parseResult.GetValue(by)!.Trim();
            if (!TryRead(path, who, time.GetUtcNow(), out var records, out var problem))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem!);
            }

            return await store.RunAsync(parseResult, error, async (_, central) =>
            {
                var written = await ((ICletsRecordStore)central).PutCletsRecordsAsync(records!, cancellationToken);
                using var trail = CentralStores.TrailOf(central, time);
                await trail.AppendAsync(
                    new AuditEvent(who, null, null, "clets.import", "ok", Target: path.Name, Detail: string.Create(CultureInfo.InvariantCulture, $"records={written}")),
                    cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"imported {written} CLETS records from {path.Name}"));
                return ExitCodes.Success;
            }, cancellationToken);
        });
        Subcommands.Add(import);
    }

    /// <summary>Reads the whole file; false with a one-line reason naming the line when anything in it is wrong.</summary>
    internal static bool TryRead(FileInfo file, string by, DateTimeOffset at, out IReadOnlyList<CletsRecord>? records, out string? error)
    {
        records = null;
        if (string.IsNullOrWhiteSpace(by))
        {
            error = "--by: name who imports the file";
            return false;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{file.Name}: {ex.Message}";
            return false;
        }

        if (lines.Length == 0 || !string.Equals(lines[0].Trim(), "reference,details", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{file.Name} line 1: the header must be 'reference,details'";
            return false;
        }

        var found = new Dictionary<string, CletsRecord>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var reference = comma < 0 ? line.Trim() : line[..comma].Trim();
            var details = comma < 0 ? string.Empty : Unquote(line[(comma + 1)..].Trim());
            if (!IngestValueChecks.IsBoundedText(reference, IngestValueChecks.MaxReferenceLength))
            {
                error = $"{file.Name} line {i + 1}: reference must be 1 to {IngestValueChecks.MaxReferenceLength} printable characters";
                return false;
            }

            if (details.Length == 0 || details.Length > MaxDetailsLength || details.Any(char.IsControl))
            {
                error = $"{file.Name} line {i + 1}: details must be 1 to {MaxDetailsLength} printable characters";
                return false;
            }

            found[reference] = new CletsRecord(reference, details, at, by);
        }

        records = [.. found.Values];
        error = null;
        return true;
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;
}
