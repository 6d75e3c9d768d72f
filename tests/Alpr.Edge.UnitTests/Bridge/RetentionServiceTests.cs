using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Retention;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary>The retention schedule on a fake clock, against a real SQLite store; and the legal minimum at start-up.</summary>
public sealed class RetentionServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Purge_runs_at_start_then_every_interval_sparing_held_reads()
    {
        await using var database = await TempDatabase.CreateAsync();
        var clock = new FakeTimeProvider(TestRecords.Noon);
        var year = TimeSpan.FromDays(365);
        var due = TestRecords.Read(plate: "1AAA111", capturedAt: TestRecords.Noon - year - TimeSpan.FromDays(3));
        var held = TestRecords.Read(plate: "2HLD222", capturedAt: TestRecords.Noon - year - TimeSpan.FromDays(3));
        var dueTomorrow = TestRecords.Read(plate: "1AAA111", capturedAt: TestRecords.Noon - year + TimeSpan.FromHours(6));
        foreach (var read in new[] { due, held, dueTomorrow })
        {
            await database.Store.AddReadAsync(read, TestRecords.Noon, CancellationToken.None);
        }

        Assert.True(LegalHold.TryCreate("CASE-7", "2HLD222", null, null, null, "det. rivera", "homicide 25-114", TestRecords.Noon, out var hold, out _));
        await database.Store.PlaceHoldAsync(hold!, CancellationToken.None);
        var options = Options.Create(new BridgeOptions { Retention = new RetentionOptions { ReadsKeptFor = year, PurgeEvery = TimeSpan.FromDays(1) } });
        using var trail = new ChainedAuditTrail(database.Store, clock, NullLogger<ChainedAuditTrail>.Instance);
        using var service = new RetentionService(database.Store, trail, options, clock, NullLogger<RetentionService>.Instance);
        var purges = new System.Collections.Concurrent.BlockingCollection<PurgeResult>();
        service.Purged += (_, result) => purges.Add(result);

        await service.StartAsync(CancellationToken.None);
        var first = Take(purges);
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Empty(purges);
        clock.Advance(TimeSpan.FromHours(1));
        var second = Take(purges);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal((TestRecords.Noon - year, 1L, 1L), (first.Cutoff, first.Purged, first.Spared));
        Assert.Equal(["CASE-7"], first.SparingHolds);
        Assert.Equal((TestRecords.Noon.AddDays(1) - year, 1L), (second.Cutoff, second.Purged));
        Assert.Null(await database.Store.GetReadAsync(dueTomorrow.Id, CancellationToken.None));
        Assert.NotNull(await database.Store.GetReadAsync(held.Id, CancellationToken.None));
        Assert.Equal(2, (await database.Store.GetPurgesAsync(10, CancellationToken.None)).Count);
        var audited = await database.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None);
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal(("system", "retention.purge", "ok"), (a.User, a.Action, a.Outcome)));
        Assert.StartsWith("purged=1 spared=", audited[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("364.23:59:59")]
    [InlineData("30.00:00:00")]
    public void Keeping_reads_less_than_a_year_is_refused_naming_the_statute(string keptFor)
    {
        var options = new BridgeOptions { Retention = new RetentionOptions { ReadsKeptFor = TimeSpan.Parse(keptFor, System.Globalization.CultureInfo.InvariantCulture) } };

        var result = new BridgeOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"retention.readsKeptFor: {keptFor} is shorter than the year Government Code § 34090.6 requires", failure, StringComparison.Ordinal);
        Assert.EndsWith("set at least \"365.00:00:00\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_or_more_is_accepted_and_a_year_is_the_default()
    {
        Assert.Equal(TimeSpan.FromDays(365), new BridgeOptions().Retention.ReadsKeptFor);
        var options = new BridgeOptions { Retention = new RetentionOptions { ReadsKeptFor = TimeSpan.FromDays(730) } };

        Assert.True(new BridgeOptionsValidator().Validate(null, options).Succeeded);
    }

    private static PurgeResult Take(System.Collections.Concurrent.BlockingCollection<PurgeResult> purges) =>
        purges.TryTake(out var result, Patience) ? result : throw new TimeoutException($"no purge within {Patience.TotalSeconds:0} s");
}
