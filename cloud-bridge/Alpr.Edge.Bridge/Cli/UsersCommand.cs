using System.CommandLine;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Roles;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>alpr-bridge users create-admin|list|add|disable|set-roles|set-training|set-clets|reset-mfa|token</c>: the bridge's
/// accounts in the configured store, each change audited. A new user gets a one-time password (to change at first sign-in)
/// and an authenticator enrolment URI.
/// </summary>
internal sealed class UsersCommand : Command
{
    public UsersCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("users", "Manage the bridge's users and API tokens (each change is audited).")
    {
        Subcommands.Add(CreateAdmin(output, error, time));
        Subcommands.Add(List(output, error, time));
        Subcommands.Add(Add(output, error, time));
        foreach (var change in UsersChangeCommands.All(output, error, time))
        {
            Subcommands.Add(change);
        }

        Subcommands.Add(new UsersTokenCommand(output, error, time));
    }

    /// <summary>Prints a new user's one-time password and enrolment URI.</summary>
    internal static async Task PrintNewUserAsync(TextWriter output, AccountChange change, DateTimeOffset now)
    {
        await output.WriteLineAsync($"created {AccountCli.Describe(change.User!, now)}");
        await output.WriteLineAsync($"one-time password (shown once; it must be changed at first sign-in): {change.OneTimePassword}");
        await output.WriteLineAsync("add this to an authenticator app; its first code confirms the enrolment at sign-in:");
        await output.WriteLineAsync(change.OtpAuthUri);
    }

    private static Command CreateAdmin(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var user = new Option<string>("--user") { Description = "The administrator's user name", HelpName = "NAME", DefaultValueFactory = _ => "admin" };
        var agency = new Option<string>("--agency") { Description = "The agency's ORI", HelpName = "ORI", Required = true };
        var command = new Command("create-admin", "Create the first administrator: prints a one-time password and an authenticator enrolment URI.");
        store.AddTo(command);
        command.Options.Add(user);
        command.Options.Add(agency);
        command.SetAction(async (parseResult, cancellationToken) => await AccountCli.RunAsync(store, parseResult, error, time, async services =>
        {
            var accounts = services.GetRequiredService<AccountService>();
            if ((await accounts.ListAsync(cancellationToken)).Any(u => u.Roles.Contains(nameof(BridgeRole.Administrator)) && !u.Disabled))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, "an administrator exists already; use 'alpr-bridge users add USER --roles Administrator'");
            }

            var change = await accounts.CreateAsync(parseResult.GetValue(user)!, parseResult.GetValue(agency)!, [nameof(BridgeRole.Administrator)], false, AuditActor.CommandLine, cancellationToken);
            if (await AccountCli.RefusedAsync(change, error) is { } refused)
            {
                return refused;
            }

            await PrintNewUserAsync(output, change, time.GetUtcNow());
            await output.WriteLineAsync($"data functions also need current training: alpr-bridge users set-training {change.User!.UserName} --course NAME --completed DATE --expires DATE");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command List(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var command = new Command("list", "List the users: roles, state, MFA, CLETS and training.");
        store.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) => await AccountCli.RunAsync(store, parseResult, error, time, async services =>
        {
            var accounts = services.GetRequiredService<AccountService>();
            var users = await accounts.ListAsync(cancellationToken);
            foreach (var user in users)
            {
                await output.WriteLineAsync(AccountCli.Describe(user, time.GetUtcNow()));
            }

            if (users.Count == 0)
            {
                await output.WriteLineAsync("no users; 'alpr-bridge users create-admin --agency ORI' makes the first");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Add(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var user = AccountCli.UserArgument();
        var agency = new Option<string>("--agency") { Description = "The agency's ORI", HelpName = "ORI", Required = true };
        var roles = AccountCli.RolesOption(required: true);
        var clets = new Option<bool>("--clets") { Description = "Authorised for CLETS-derived details" };
        var command = new Command("add", "Add a user with roles: prints a one-time password and an authenticator enrolment URI.");
        store.AddTo(command);
        command.Arguments.Add(user);
        command.Options.Add(agency);
        command.Options.Add(roles);
        command.Options.Add(clets);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!AccountService.TryParseRoles(parseResult.GetValue(roles) ?? [], out var parsed, out var problem))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem!);
            }

            return await AccountCli.RunAsync(store, parseResult, error, time, async services =>
            {
                var accounts = services.GetRequiredService<AccountService>();
                var change = await accounts.CreateAsync(parseResult.GetValue(user)!, parseResult.GetValue(agency)!, parsed, parseResult.GetValue(clets), AuditActor.CommandLine, cancellationToken);
                if (await AccountCli.RefusedAsync(change, error) is { } refused)
                {
                    return refused;
                }

                await PrintNewUserAsync(output, change, time.GetUtcNow());
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
