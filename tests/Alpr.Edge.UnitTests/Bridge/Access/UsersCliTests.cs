using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Alpr.Edge.UnitTests.Bridge.Holds;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.UnitTests.Bridge.Access;

/// <summary><c>alpr-bridge users …</c> against a store in a data folder: each change audited, user errors one line and exit 2.</summary>
public sealed class UsersCliTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("alpr-users-cli-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Create_admin_prints_a_one_time_password_and_an_otpauth_uri_and_only_once()
    {
        var created = await CliRun.InvokeAsync("users", "create-admin", "--data", _data, "--user", "cmdr", "--agency", "CA0010000");

        Assert.Equal(ExitCodes.Success, created.ExitCode);
        Assert.Equal(string.Empty, created.Error);
        Assert.Contains("one-time password (shown once; it must be changed at first sign-in): ", created.Output, StringComparison.Ordinal);
        Assert.Contains("otpauth://totp/Alpr.Edge%20bridge%3Acmdr?secret=", created.Output, StringComparison.Ordinal);
        Assert.Contains("cmdr agency CA0010000; roles Administrator; active; mfa not enrolled", created.Output, StringComparison.Ordinal);

        var again = await CliRun.InvokeAsync("users", "create-admin", "--data", _data, "--user", "other", "--agency", "CA0010000");
        Assert.Contains("an administrator exists already", CliRun.AssertOneLineUsageError(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_set_roles_training_clets_reset_mfa_disable_and_list_each_audited()
    {
        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("users", "add", "det.reyes", "--data", _data, "--agency", "CA0010000", "--roles", "Investigator")).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("users", "set-roles", "det.reyes", "--data", _data, "--roles", "Investigator,Auditor")).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("users", "set-training", "det.reyes", "--data", _data, "--course", "POST ALPR", "--completed", "2026-01-05", "--expires", "2099-01-05")).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("users", "set-clets", "det.reyes", "yes", "--data", _data)).ExitCode);
        var reset = await CliRun.InvokeAsync("users", "reset-mfa", "det.reyes", "--data", _data);
        Assert.Contains("otpauth://totp/", reset.Output, StringComparison.Ordinal);

        var listed = await CliRun.InvokeAsync("users", "list", "--data", _data);
        Assert.Contains("det.reyes agency CA0010000; roles Auditor,Investigator; active; mfa not enrolled; clets yes; training current until 2099-01-05", listed.Output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("users", "disable", "det.reyes", "--data", _data)).ExitCode);
        Assert.Contains("det.reyes agency CA0010000; roles Auditor,Investigator; disabled", (await CliRun.InvokeAsync("users", "list", "--data", _data)).Output, StringComparison.Ordinal);

        using var store = new SqliteCentralStore(Path.Combine(_data, "bridge.db"), NullLogger<SqliteCentralStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var actions = (await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(store).GetRecentAuditEntriesAsync(20, CancellationToken.None)).Select(a => a.Action).Reverse();
        Assert.Equal(["user.add", "user.set-roles", "user.set-training", "user.set-clets", "user.mfa-reset", "user.disable"], actions);
    }

    [Fact]
    public async Task A_token_is_issued_once_within_the_users_roles_and_revoked()
    {
        await CliRun.InvokeAsync("users", "add", "lpr.feed", "--data", _data, "--agency", "CA0010000", "--roles", "Investigator");

        var outside = await CliRun.InvokeAsync("users", "token", "issue", "lpr.feed", "--data", _data, "--name", "feed", "--roles", "Administrator");
        Assert.Contains("does not hold the role 'Administrator'", CliRun.AssertOneLineUsageError(outside), StringComparison.Ordinal);

        var issued = await CliRun.InvokeAsync("users", "token", "issue", "lpr.feed", "--data", _data, "--name", "feed", "--roles", "Investigator", "--days", "7");
        Assert.Equal(ExitCodes.Success, issued.ExitCode);
        Assert.Contains("Authorization: Bearer alpr_", issued.Output, StringComparison.Ordinal);
        var id = issued.Output.Split(' ')[1];

        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("users", "token", "revoke", id, "--data", _data)).ExitCode);
        Assert.Contains("no token", CliRun.AssertOneLineUsageError(await CliRun.InvokeAsync("users", "token", "revoke", id, "--data", _data)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'Sheriff' is not a role", "users", "add", "x.user", "--agency", "CA1", "--roles", "Sheriff")]
    [InlineData("there is no user 'ghost'", "users", "disable", "ghost")]
    [InlineData("is neither yes nor no", "users", "set-clets", "ghost", "maybe")]
    [InlineData("--expires 'soon' is not a date", "users", "set-training", "ghost", "--course", "c", "--completed", "2026-01-01", "--expires", "soon")]
    [InlineData("Username '<script>' is invalid", "users", "add", "<script>", "--agency", "CA1", "--roles", "Auditor")]
    [InlineData("is not a token id", "users", "token", "revoke", "abc")]
    public async Task User_errors_print_one_line_and_exit_2(string expected, params string[] args)
    {
        var result = await CliRun.InvokeAsync([.. args, "--data", _data]);

        Assert.Contains(expected, CliRun.AssertOneLineUsageError(result), StringComparison.Ordinal);
    }
}
