using System.CommandLine;
using System.Globalization;
using Alpr.Edge.Bridge.Access;
using Alpr.Edge.Bridge.Access.Accounts;
using Alpr.Edge.Bridge.Access.Identity;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// What the <c>users</c> verbs share: the configured store opened for one command, the access services (Identity, accounts,
/// tokens) composed over it with the audit trail, and one-line failures.
/// </summary>
internal static class AccountCli
{
    /// <summary>Runs <paramref name="action"/> with the access services over the store the command names.</summary>
    public static Task<int> RunAsync(
        StoreCliOptions store, ParseResult parseResult, TextWriter error, TimeProvider time, Func<IServiceProvider, Task<int>> action, CancellationToken cancellationToken) =>
        store.RunAsync(parseResult, error, async (_, central) =>
        {
            if (central is not IAccountStore accounts)
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Failure, "this store keeps no accounts");
            }

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(time);
            services.AddSingleton(central);
            services.AddSingleton(accounts);
            services.AddSingleton<IAuditTrail>(_ => CentralStores.TrailOf(central, time));
            services.AddBridgeAccounts();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            try
            {
                return await action(scope.ServiceProvider);
            }
            catch (InvalidOperationException ex)
            {
                return await HotlistCommand.FailAsync(error, ExitCodes.Usage, ex.Message);
            }
        }, cancellationToken);

    /// <summary>Prints <paramref name="change"/>'s refusal and returns <see cref="ExitCodes.Usage"/>, or returns null when it succeeded.</summary>
    public static async Task<int?> RefusedAsync(AccountChange change, TextWriter error) =>
        change.Error is { } problem ? await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem) : null;

    /// <summary>One line describing <paramref name="user"/> (names printed as given: they are data, not markup).</summary>
    public static string Describe(BridgeUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        var training = TrainingState.Of(user, now);
        var state = user.Disabled ? "disabled" : user.LockoutEnd > now ? "locked" : "active";
        return $"{user.UserName} agency {user.Agency}; roles {(user.Roles.Count == 0 ? "none" : string.Join(",", user.Roles))}; {state}; "
            + $"mfa {(user.TwoFactorEnabled ? "enrolled" : "not enrolled")}; clets {(user.CletsAuthorized ? "yes" : "no")}; "
            + $"training {(training.Current ? $"current until {training.ExpiresAt:yyyy-MM-dd}" : "not current")}"
            + (user.MustChangePassword ? "; one-time password not yet changed" : string.Empty);
    }

    /// <summary>A date or time argument (ISO 8601, UTC unless it names an offset), or a one-line reason.</summary>
    public static bool TryTime(string? text, string option, out DateTimeOffset time, out string? error)
    {
        error = null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            return true;
        }

        error = $"{option} '{text}' is not a date; write it as ISO 8601, e.g. 2026-06-01";
        return false;
    }

    /// <summary>The <c>--roles</c> option.</summary>
    public static Option<string[]> RolesOption(bool required) => new("--roles")
    {
        Description = "Roles, comma-separated: Administrator, Operator, Investigator, RecordsManager, Auditor",
        HelpName = "ROLE,...",
        Required = required,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>The user-name argument.</summary>
    public static Argument<string> UserArgument() => new("USER") { Description = "The user name" };
}
