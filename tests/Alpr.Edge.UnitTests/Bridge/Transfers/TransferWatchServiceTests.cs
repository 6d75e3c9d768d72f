using System.Collections.Concurrent;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Transfers;
using Alpr.Edge.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Bridge.Transfers;

/// <summary>The transfer watch on a fake clock against a real SQLite store; and the policy's limit at start-up.</summary>
public sealed class TransferWatchServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Noon = TestRecords.Noon;

    [Fact]
    public async Task A_device_silent_longer_than_transferAlertAfter_gets_one_alert_and_shows_overdue()
    {
        await using var database = await TempDatabase.CreateAsync();
        await database.Store.AddReadAsync(TestRecords.Read("pole-1"), Noon.AddDays(-8), None);
        await database.Store.AddHitAsync(TestRecords.Hit(TestRecords.Read("pole-2")), Noon.AddDays(-1), None);
        await database.Store.SetDeviceHealthAsync(Health("pole-2", oldestUnsent: Noon.AddDays(-2)), Noon, None);
        using var watch = Watch(database.Store, new FakeTimeProvider(Noon), TimeSpan.FromDays(7));

        var raised = await watch.CheckOnceAsync(None);
        var again = await watch.CheckOnceAsync(None);
        var status = await watch.GetStatusAsync(None);

        var alert = Assert.Single(raised!);
        Assert.Equal(new TransferAlert("pole-1", Noon, Noon.AddDays(-8), null), alert);
        Assert.Empty(again!);
        Assert.Equal([alert], await database.Store.GetTransferAlertsAsync(10, None));
        Assert.Equal(
            [new DeviceTransferStatus("pole-1", Noon.AddDays(-8), null, Overdue: true), new DeviceTransferStatus("pole-2", Noon.AddDays(-1), Noon.AddDays(-2), Overdue: false)],
            status);
    }

    [Fact]
    public async Task The_watch_checks_at_start_then_every_interval_on_the_clock()
    {
        await using var database = await TempDatabase.CreateAsync();
        await database.Store.AddReadAsync(TestRecords.Read("pole-1"), Noon.AddDays(-7).AddMinutes(30), None);
        var clock = new FakeTimeProvider(Noon);
        using var watch = Watch(database.Store, clock, TimeSpan.FromDays(7));
        var checks = new BlockingCollection<IReadOnlyList<TransferAlert>>();
        watch.Checked += (_, alerts) => checks.Add(alerts);

        await watch.StartAsync(None);
        var atStart = Take(checks);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(checks);
        clock.Advance(TimeSpan.FromMinutes(1));
        var anHourLater = Take(checks);
        await watch.StopAsync(None);

        Assert.Empty(atStart);
        Assert.Equal(("pole-1", Noon.AddHours(1)), (Assert.Single(anHourLater).DeviceId, anHourLater[0].RaisedAt));
    }

    [Theory]
    [InlineData("30.00:00:01")]
    [InlineData("45.00:00:00")]
    public void Alerting_later_than_the_policy_s_30_days_is_refused_naming_the_policy(string after)
    {
        var options = new BridgeOptions { TransferAlertAfter = TimeSpan.Parse(after, System.Globalization.CultureInfo.InvariantCulture) };

        var failure = Assert.Single(new BridgeOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith($"transferAlertAfter: {after} is longer than the 30 days the department's ALPR policy allows between transfers", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Thirty_days_is_allowed_and_zero_is_refused()
    {
        Assert.True(new BridgeOptionsValidator().Validate(null, new BridgeOptions { TransferAlertAfter = TimeSpan.FromDays(30) }).Succeeded);
        Assert.Contains("transferCheckEvery: must be a positive duration", Assert.Single(
            new BridgeOptionsValidator().Validate(null, new BridgeOptions { TransferCheckEvery = TimeSpan.Zero }).Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_alert_after_in_the_config_file_over_30_days_stops_the_start_with_exit_2()
    {
        var config = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(config, """{ "transferAlertAfter": "31.00:00:00" }""");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await Alpr.Edge.Bridge.Cli.BridgeCli.InvokeAsync(["run", "--config", config], output, error, None);

            Assert.Equal(Alpr.Edge.Bridge.Cli.ExitCodes.Usage, exitCode);
            Assert.Contains("department's ALPR policy", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static TransferWatchService Watch(ICentralStore store, TimeProvider clock, TimeSpan alertAfter) =>
        new(store, Options.Create(new BridgeOptions { TransferAlertAfter = alertAfter, TransferCheckEvery = TimeSpan.FromHours(1) }), clock, NullLogger<TransferWatchService>.Instance);

    private static DeviceHealthMessage Health(string deviceId, DateTimeOffset oldestUnsent) => new()
    {
        DeviceId = deviceId,
        At = Noon,
        FirmwareVersion = "1.2.3",
        Backlog = new BacklogStatus(5, 0, 0, oldestUnsent),
        Disk = new DiskStatus(1_000, 10_000),
        UptimeSeconds = 3600,
    };

    private static IReadOnlyList<TransferAlert> Take(BlockingCollection<IReadOnlyList<TransferAlert>> checks)
    {
        Assert.True(checks.TryTake(out var alerts, TimeSpan.FromSeconds(10)), "the watch did not check");
        return alerts!;
    }
}
