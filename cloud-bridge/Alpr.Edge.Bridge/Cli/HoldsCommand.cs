using System.CommandLine;
using System.Globalization;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>alpr-bridge holds place|list|release</c>: legal holds in the central store, each placed or released with who
/// and why, and audited. Holds placed here are not pushed to devices (the command line has no broker connection);
/// <c>POST /api/holds</c> on the running bridge pushes them.
/// </summary>
internal sealed class HoldsCommand : Command
{
    public HoldsCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("holds", "Place, list and release legal holds (held reads are never purged).")
    {
        Subcommands.Add(Place(output, error, time));
        Subcommands.Add(List(output, error, time));
        Subcommands.Add(Release(output, error, time));
    }

    /// <summary>One line describing <paramref name="hold"/>.</summary>
    internal static string Describe(LegalHold hold)
    {
        var selects = new List<string>();
        if (hold.Plate is not null)
        {
            selects.Add($"plate {hold.Plate}");
        }

        if (hold.DeviceId is not null)
        {
            selects.Add($"device {hold.DeviceId}");
        }

        if (hold.From is not null || hold.To is not null)
        {
            selects.Add($"captured {hold.From?.ToString("O", CultureInfo.InvariantCulture) ?? "..."} to {hold.To?.ToString("O", CultureInfo.InvariantCulture) ?? "..."}");
        }

        var state = hold.ReleasedAt is { } released
            ? $"released by {hold.ReleasedBy} at {released.ToString("O", CultureInfo.InvariantCulture)}"
            : "in force";
        return $"{hold.Id} case {hold.CaseNumber}: {string.Join(", ", selects)}; placed by {hold.PlacedBy} at {hold.PlacedAt.ToString("O", CultureInfo.InvariantCulture)} ({hold.Reason}); {state}";
    }

    private static Command Place(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var caseNumber = new Option<string>("--case") { Description = "Case number", HelpName = "N", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the reads are held", HelpName = "TEXT", Required = true };
        var by = new Option<string>("--by") { Description = "Who places the hold", HelpName = "NAME", Required = true };
        var plate = new Option<string?>("--plate") { Description = "Only reads of this plate", HelpName = "PLATE" };
        var device = new Option<string?>("--device") { Description = "Only reads of this device", HelpName = "ID" };
        var from = new Option<string?>("--from") { Description = "Only reads captured at or after this time (ISO 8601; UTC unless it names an offset)", HelpName = "TIME" };
        var to = new Option<string?>("--to") { Description = "Only reads captured before this time", HelpName = "TIME" };
        var command = new Command("place", "Place a legal hold: a case, who and why, and a plate, a device and/or a capture window.");
        store.AddTo(command);
        foreach (var option in new Option[] { caseNumber, reason, by, plate, device, from, to })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryTime(parseResult.GetValue(from), "--from", out var start, out var problem) || !TryTime(parseResult.GetValue(to), "--to", out var end, out problem))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem!);
            }

            var request = new HoldRequest(parseResult.GetValue(caseNumber), parseResult.GetValue(reason), parseResult.GetValue(by),
                parseResult.GetValue(plate), parseResult.GetValue(device), start, end);
            return await store.RunAsync(parseResult, error, async (_, central) =>
            {
                using var trail = CentralStores.TrailOf(central, time);
                var outcome = await new HoldActions(central, trail, time).PlaceAsync(request, null, cancellationToken);
                if (outcome.Hold is null)
                {
                    return await HotlistCommand.FailAsync(error, ExitCodes.Usage, outcome.Error!);
                }

                await output.WriteLineAsync($"placed hold {Describe(outcome.Hold)}");
                await output.WriteLineAsync("not pushed to devices from the command line; place it through the running bridge's POST /api/holds to push it");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static Command List(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var caseNumber = new Option<string?>("--case") { Description = "Only the holds of this case", HelpName = "N" };
        var command = new Command("list", "List legal holds, newest first, in force and released.");
        store.AddTo(command);
        command.Options.Add(caseNumber);
        command.SetAction(async (parseResult, cancellationToken) => await store.RunAsync(parseResult, error, async (_, central) =>
        {
            using var trail = CentralStores.TrailOf(central, time);
            var holds = await new HoldActions(central, trail, time).ListAsync(parseResult.GetValue(caseNumber), cancellationToken);
            foreach (var hold in holds)
            {
                await output.WriteLineAsync(Describe(hold));
            }

            if (holds.Count == 0)
            {
                await output.WriteLineAsync("no holds");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Release(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var id = new Argument<string>("ID") { Description = "The hold's id (holds list)" };
        var by = new Option<string>("--by") { Description = "Who releases the hold", HelpName = "NAME", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it is released", HelpName = "TEXT", Required = true };
        var command = new Command("release", "Release a legal hold; its reads are then purged when due.");
        store.AddTo(command);
        command.Arguments.Add(id);
        command.Options.Add(by);
        command.Options.Add(reason);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!Guid.TryParse(parseResult.GetValue(id), out var holdId))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, $"'{parseResult.GetValue(id)}' is not a hold id; 'alpr-bridge holds list' shows them");
            }

            return await store.RunAsync(parseResult, error, async (_, central) =>
            {
                using var trail = CentralStores.TrailOf(central, time);
                var outcome = await new HoldActions(central, trail, time).ReleaseAsync(holdId, parseResult.GetValue(by), parseResult.GetValue(reason), null, cancellationToken);
                if (outcome.Hold is null)
                {
                    return await HotlistCommand.FailAsync(error, ExitCodes.Usage, outcome.Error!);
                }

                await output.WriteLineAsync($"released hold {Describe(outcome.Hold)}");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static bool TryTime(string? text, string option, out DateTimeOffset? time, out string? error)
    {
        time = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = $"{option} '{text}' is not a time; write it as ISO 8601, e.g. 2026-06-01T00:00:00Z";
        return false;
    }
}
