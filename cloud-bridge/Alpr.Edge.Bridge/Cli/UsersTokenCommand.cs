using System.CommandLine;
using System.Globalization;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Bridge.Cli;

/// <summary><c>alpr-bridge users token issue|revoke</c>: API tokens for machine clients, acting for a user with some of its roles.</summary>
internal sealed class UsersTokenCommand : Command
{
    public UsersTokenCommand(TextWriter output, TextWriter error, TimeProvider time)
        : base("token", "Issue and revoke API tokens (Authorization: Bearer), scoped to some of a user's roles, expiring.")
    {
        Subcommands.Add(Issue(output, error, time));
        Subcommands.Add(Revoke(output, error, time));
    }

    private static Command Issue(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var user = AccountCli.UserArgument();
        var name = new Option<string>("--name") { Description = "What the token is for (the integration's name)", HelpName = "TEXT", Required = true };
        var scopes = AccountCli.RolesOption(required: true);
        scopes.Description = "The roles the token may use (of the user's), comma-separated";
        var days = new Option<int>("--days") { Description = "Days until it expires (at most 365)", HelpName = "N", DefaultValueFactory = _ => 30 };
        var command = new Command("issue", "Issue a token acting for USER; prints it once (only its SHA-256 hash is stored).");
        store.AddTo(command);
        command.Arguments.Add(user);
        command.Options.Add(name);
        command.Options.Add(scopes);
        command.Options.Add(days);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!AccountService.TryParseRoles(parseResult.GetValue(scopes) ?? [], out var parsed, out var problem))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem!);
            }

            return await AccountCli.RunAsync(store, parseResult, error, time, async services =>
            {
                var issued = await services.GetRequiredService<ApiTokenService>().IssueAsync(
                    parseResult.GetValue(user)!, parseResult.GetValue(name)!, parsed, TimeSpan.FromDays(parseResult.GetValue(days)), AuditActor.CommandLine, cancellationToken);
                if (issued.Record is not { } record)
                {
                    return await HotlistCommand.FailAsync(error, ExitCodes.Usage, issued.Error!);
                }

                await output.WriteLineAsync($"token {record.Id} '{record.Name}' scopes {string.Join(",", record.Scopes)} expires {record.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)}");
                await output.WriteLineAsync($"shown once; send it as 'Authorization: Bearer {issued.Token}'");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Revoke(TextWriter output, TextWriter error, TimeProvider time)
    {
        var store = new StoreCliOptions();
        var id = new Argument<string>("ID") { Description = "The token's id (printed when issued)" };
        var command = new Command("revoke", "Revoke a token; it stops working at once.");
        store.AddTo(command);
        command.Arguments.Add(id);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!Guid.TryParse(parseResult.GetValue(id), out var tokenId))
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, $"'{parseResult.GetValue(id)}' is not a token id");
            }

            return await AccountCli.RunAsync(store, parseResult, error, time, async services =>
            {
                if (!await services.GetRequiredService<ApiTokenService>().RevokeAsync(tokenId, AuditActor.CommandLine, cancellationToken))
                {
                    return await HotlistCommand.FailAsync(error, ExitCodes.Usage, $"there is no token {tokenId} in force");
                }

                await output.WriteLineAsync($"revoked token {tokenId}");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
