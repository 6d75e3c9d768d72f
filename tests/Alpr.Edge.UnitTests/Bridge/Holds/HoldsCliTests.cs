using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.UnitTests.Bridge.Holds;

public sealed class HoldsCliTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("alpr-holds-cli-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Place_list_and_release_a_hold_each_audited_with_who_and_why()
    {
        var placed = await CliRun.InvokeAsync("holds", "place", "--data", _data, "--case", "2026-117", "--plate", "7abc123", "--device", "pole-1",
            "--from", "2026-06-01T00:00:00Z", "--to", "2026-07-01T00:00:00Z", "--by", "Det. Reyes", "--reason", "robbery, warrant 55");
        Assert.Equal(ExitCodes.Success, placed.ExitCode);
        Assert.Equal(string.Empty, placed.Error);
        var id = placed.Output.Split(' ')[2];
        Assert.Contains("case 2026-117: plate 7ABC123, device pole-1, captured 2026-06-01T00:00:00.0000000+00:00 to 2026-07-01T00:00:00.0000000+00:00; placed by Det. Reyes", placed.Output, StringComparison.Ordinal);

        var listed = await CliRun.InvokeAsync("holds", "list", "--data", _data);
        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        Assert.StartsWith($"{id} case 2026-117", listed.Output, StringComparison.Ordinal);
        Assert.Contains("in force", listed.Output, StringComparison.Ordinal);

        var released = await CliRun.InvokeAsync("holds", "release", id, "--data", _data, "--by", "Sgt. Lee", "--reason", "case closed");
        Assert.Equal(ExitCodes.Success, released.ExitCode);
        Assert.Contains("released by Sgt. Lee", released.Output, StringComparison.Ordinal);

        using var store = new SqliteCentralStore(Path.Combine(_data, "bridge.db"), NullLogger<SqliteCentralStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var audit = await store.GetRecentAuditEntriesAsync(10, CancellationToken.None);
        Assert.Equal(2, audit.Count);
        Assert.Equal((AuditedAction.HoldReleased, "Sgt. Lee", "case closed", $"holds/{id}", "2026-117"), (audit[0].Action, audit[0].User, audit[0].Purpose, audit[0].Target, audit[0].CaseNumber));
        Assert.Equal((AuditedAction.HoldPlaced, "Det. Reyes", "robbery, warrant 55"), (audit[1].Action, audit[1].User, audit[1].Purpose));
        Assert.Null(audit[1].RemoteAddress);
        var hold = Assert.Single(await store.GetHoldsAsync(CancellationToken.None));
        Assert.Equal(("Sgt. Lee", "7ABC123"), (hold.ReleasedBy, hold.Plate));
    }

    [Theory]
    [InlineData("hold: name a plate, a device or a time window", "--case", "C-1", "--by", "Det. Reyes", "--reason", "x")]
    [InlineData("time window: 'to' must be later than 'from'", "--case", "C-1", "--by", "Det. Reyes", "--reason", "x", "--from", "2026-07-01T00:00:00Z", "--to", "2026-06-01T00:00:00Z")]
    [InlineData("--from 'yesterday' is not a time", "--case", "C-1", "--by", "Det. Reyes", "--reason", "x", "--from", "yesterday")]
    [InlineData("reason: required", "--case", "C-1", "--by", "Det. Reyes", "--reason", " ", "--plate", "7ABC123")]
    [InlineData("Option '--by' is required", "--case", "C-1", "--reason", "x", "--plate", "7ABC123")]
    public async Task Bad_hold_is_refused_with_one_line_and_exit_2(string expected, params string[] options)
    {
        var result = await CliRun.InvokeAsync(["holds", "place", "--data", _data, .. options]);

        var line = CliRun.AssertOneLineUsageError(result);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Releasing_an_unknown_or_released_hold_is_refused_with_one_line()
    {
        var unknown = Guid.NewGuid();
        Assert.Contains($"no hold {unknown}", CliRun.AssertOneLineUsageError(
            await CliRun.InvokeAsync("holds", "release", unknown.ToString(), "--data", _data, "--by", "Sgt. Lee", "--reason", "closed")), StringComparison.Ordinal);
        Assert.Contains("'42' is not a hold id", CliRun.AssertOneLineUsageError(
            await CliRun.InvokeAsync("holds", "release", "42", "--data", _data, "--by", "Sgt. Lee", "--reason", "closed")), StringComparison.Ordinal);

        var placed = await CliRun.InvokeAsync("holds", "place", "--data", _data, "--case", "C-2", "--device", "pole-9", "--by", "Det. Reyes", "--reason", "x");
        var id = placed.Output.Split(' ')[2];
        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("holds", "release", id, "--data", _data, "--by", "Sgt. Lee", "--reason", "closed")).ExitCode);

        var again = CliRun.AssertOneLineUsageError(await CliRun.InvokeAsync("holds", "release", id, "--data", _data, "--by", "Sgt. Lee", "--reason", "closed"));
        Assert.Contains($"hold {id} (case C-2) was already released by Sgt. Lee", again, StringComparison.Ordinal);
    }
}
