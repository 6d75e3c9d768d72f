using System.CommandLine;
using Alpr.Edge.Bridge.Access.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>The <c>users</c> verbs that change one user: disable, set-roles, set-training, set-clets, reset-mfa.</summary>
internal static class UsersChangeCommands
{
    /// <summary>Every change verb.</summary>
    public static IEnumerable<Command> All(TextWriter output, TextWriter error, TimeProvider time)
    {
        yield return Simple("disable", "Disable a user: no sign-in; sessions and API tokens stop working.", output, error, time,
            (accounts, user, ct) => accounts.DisableAsync(user, AuditActor.CommandLine, ct));
        yield return Simple("reset-mfa", "Reset a user's MFA: a new authenticator key (printed as an enrolment URI); sessions end.", output, error, time,
            (accounts, user, ct) => accounts.ResetMfaAsync(user, AuditActor.CommandLine, ct));
        yield return SetRoles(output, error, time);
        yield return SetTraining(output, error, time);
        yield return SetClets(output, error, time);
    }

    private static Command Simple(
        string name, string description, TextWriter output, TextWriter error, TimeProvider time, Func<AccountService, string, CancellationToken, Task<AccountChange>> change)
    {
        var store = new StoreCliOptions();
        var user = AccountCli.UserArgument();
        var command = new Command(name, description);
        store.AddTo(command);
        command.Arguments.Add(user);
        command.SetAction(async (parseResult, cancellationToken) => await AccountCli.RunAsync(store, parseResult, error, time, async services =>
            await ReportAsync(await change(services.GetRequiredService<AccountService>(), parseResult.GetValue(user)!, cancellationToken), output, error, time), cancellationToken));
        return command;
    }

    private static Command SetRoles(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var user = AccountCli.UserArgument();
        var roles = AccountCli.RolesOption(required: true);
        var command = new Command("set-roles", "Replace a user's roles.");
        store.AddTo(command);
        command.Arguments.Add(user);
        command.Options.Add(roles);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!AccountService.TryParseRoles(parseResult.GetValue(roles) ?? [], out var parsed, out var problem))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem!);
            }

            return await AccountCli.RunAsync(store, parseResult, error, time, async services => await ReportAsync(
                await services.GetRequiredService<AccountService>().SetRolesAsync(parseResult.GetValue(user)!, parsed, AuditActor.CommandLine, cancellationToken),
                output, error, time), cancellationToken);
        });
        return command;
    }

    private static Command SetTraining(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var user = AccountCli.UserArgument();
        var course = new Option<string>("--course") { Description = "The ALPR training course completed", HelpName = "NAME", Required = true };
        var completed = new Option<string>("--completed") { Description = "When it was completed (ISO 8601)", HelpName = "DATE", Required = true };
        var expires = new Option<string>("--expires") { Description = "When it lapses (ISO 8601)", HelpName = "DATE", Required = true };
        var command = new Command("set-training", "Record a user's ALPR training; without current training every data function is refused.");
        store.AddTo(command);
        command.Arguments.Add(user);
        command.Options.Add(course);
        command.Options.Add(completed);
        command.Options.Add(expires);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!AccountCli.TryTime(parseResult.GetValue(completed), "--completed", out var from, out var problem)
                || !AccountCli.TryTime(parseResult.GetValue(expires), "--expires", out var until, out problem))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem!);
            }

            return await AccountCli.RunAsync(store, parseResult, error, time, async services => await ReportAsync(
                await services.GetRequiredService<AccountService>().SetTrainingAsync(parseResult.GetValue(user)!, parseResult.GetValue(course)!, from, until, AuditActor.CommandLine, cancellationToken),
                output, error, time), cancellationToken);
        });
        return command;
    }

    private static Command SetClets(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var user = AccountCli.UserArgument();
        var authorized = new Argument<string>("yes|no") { Description = "Whether the user may see CLETS-derived details" };
        var command = new Command("set-clets", "Grant (yes) or withdraw (no) a user's CLETS authorisation.");
        store.AddTo(command);
        command.Arguments.Add(user);
        command.Arguments.Add(authorized);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var value = parseResult.GetValue(authorized);
            if (value is not ("yes" or "no"))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, $"'{value}' is neither yes nor no");
            }

            return await AccountCli.RunAsync(store, parseResult, error, time, async services => await ReportAsync(
                await services.GetRequiredService<AccountService>().SetCletsAsync(parseResult.GetValue(user)!, value == "yes", AuditActor.CommandLine, cancellationToken),
                output, error, time), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ReportAsync(AccountChange change, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (await AccountCli.RefusedAsync(change, error) is { } refused)
        {
            return refused;
        }

        await output.WriteLineAsync(AccountCli.Describe(change.User!, time.GetUtcNow()));
        if (change.OtpAuthUri is { } uri)
        {
            await output.WriteLineAsync("add this to an authenticator app; its first code confirms the enrolment at sign-in:");
            await output.WriteLineAsync(uri);
        }

        return ExitCodes.Success;
    }
}
