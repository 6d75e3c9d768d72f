using System.Text.Json;
using Alpr.Edge.Bridge.Audit.Reports;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Bridge.Audit;

/// <summary>The auditor's report and the monthly regular audit, on a fake clock against a real SQLite store.</summary>
public sealed class AuditReportTests
{
    private static readonly DateTimeOffset MonthStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly WorkingHours Hours = new(TimeSpan.FromHours(7), TimeSpan.FromHours(19), TimeZoneInfo.Utc);

    [Fact]
    public async Task Report_counts_searches_per_user_and_case_and_lists_after_hours_refusals_missed_transfers_and_shares()
    {
        await using var database = await TempDatabase.CreateAsync();
        var clock = new FakeTimeProvider(MonthStart.AddDays(2).AddHours(10));
        using var trail = new ChainedAuditTrail(database.Store, clock, NullLogger<ChainedAuditTrail>.Instance);
        await Seed(database, trail, clock);

        var report = await new AuditReporter(database.Store, database.Store, clock).BuildAsync(MonthStart, MonthStart.AddMonths(1), Hours, CancellationToken.None);

        Assert.Equal(7, report.Entries);
        Assert.Equal([new AuditCount("det.reyes", 2), new AuditCount("ofc.night", 1)], report.SearchesByUser);
        Assert.Equal([new AuditCount("C-1", 2), new AuditCount("case 2026-9", 1)], report.SearchesByCase);
        Assert.Equal(["ofc.night"], report.OutsideWorkingHours.Select(e => e.User));
        Assert.Equal([("intruder", "/api/audit")], report.Refused.Select(e => (e.User, e.Target!)));
        var missed = Assert.Single(report.MissedTransfers);
        Assert.Equal(("old-pole", 37), (missed.DeviceId, missed.DaysSince));
        Assert.Equal(["share.send", "records-request.status"], report.SharesAndRequests.Select(e => e.Action));

        Assert.True(AuditReportCsv.TryWrite(report, "searches-by-user", out var csv));
        Assert.Equal("user,searches\r\ndet.reyes,2\r\nofc.night,1\r\n", csv);
        Assert.True(AuditReportCsv.TryWrite(report, "refused", out var refused));
        Assert.StartsWith("sequence,at,user,agency,remote_address,action,outcome,purpose,case,target,detail\r\n", refused, StringComparison.Ordinal);
        Assert.Contains(",intruder,", refused, StringComparison.Ordinal);
        Assert.False(AuditReportCsv.TryWrite(report, "nonsense", out _));
    }

    [Fact]
    public async Task Regular_audit_writes_last_month_s_report_once_and_records_that_it_ran()
    {
        await using var database = await TempDatabase.CreateAsync();
        var data = Path.GetDirectoryName(database.DatabasePath)!;
        var clock = new FakeTimeProvider(MonthStart.AddDays(2).AddHours(10));
        using var trail = new ChainedAuditTrail(database.Store, clock, NullLogger<ChainedAuditTrail>.Instance);
        await Seed(database, trail, clock);
        clock.SetUtcNow(MonthStart.AddMonths(1).AddHours(1));
        using var service = new RegularAuditService(
            new AuditReporter(database.Store, database.Store, clock), trail, Options.Create(new BridgeOptions { DataDirectory = data }), clock,
            NullLogger<RegularAuditService>.Instance);

        var written = await service.RunOnceAsync(CancellationToken.None);
        var again = await service.RunOnceAsync(CancellationToken.None);

        Assert.Equal(Path.Combine(data, "audit-reports", "audit-2026-11.json"), written);
        Assert.Null(again);
        var report = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(written!), AuditJson.Default.AuditReport)!;
        Assert.Equal((MonthStart, 7), (report.From, report.Entries));
        Assert.StartsWith("# searches-by-user\r\nuser,searches\r\n", await File.ReadAllTextAsync(Path.ChangeExtension(written!, ".csv")), StringComparison.Ordinal);
        var ran = Assert.Single(await database.Store.GetRecentAuditEntriesAsync(10, CancellationToken.None), e => e.Action == "audit.regular");
        Assert.Equal(("system", "ok", written), (ran.User, ran.Outcome, ran.Target));
        Assert.StartsWith("period=2026-11 entries=7 outside-hours=1 refused=1 missed-transfers=1", ran.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// In November 2026: two searches by det.reyes in hours (case C-1), one at 23:00 by ofc.night, a refusal, a purge at
    /// 03:00 by system, a share; and a device last heard from 2026-10-25.
    /// </summary>
    private static async Task Seed(TempDatabase database, ChainedAuditTrail trail, FakeTimeProvider clock)
    {
        var none = CancellationToken.None;
        await trail.AppendAsync(new AuditEvent("det.reyes", "CA0190000", "10.0.0.7", "reads.search", "ok", CaseNumber: "C-1"), none);
        await trail.AppendAsync(new AuditEvent("det.reyes", "CA0190000", "10.0.0.7", "api.GET", "requested", Purpose: "robbery", CaseNumber: "C-1", Target: "/api/reads?plate=7ABC123"), none);
        clock.SetUtcNow(MonthStart.AddDays(3).AddHours(23));
        await trail.AppendAsync(new AuditEvent("ofc.night", "CA0190000", "10.0.0.9", "api.GET", "requested", "case 2026-9", Target: "/api/hits"), none);
        clock.SetUtcNow(MonthStart.AddDays(4).AddHours(12));
        await trail.AppendAsync(new AuditEvent("intruder", null, "10.9.9.9", "api.GET", "refused", Target: "/api/audit", Detail: "status 403"), none);
        clock.SetUtcNow(MonthStart.AddDays(5).AddHours(3));
        await trail.AppendAsync(new AuditEvent("system", null, null, "retention.purge", "ok"), none);
        clock.SetUtcNow(MonthStart.AddDays(6).AddHours(9));
        await trail.AppendAsync(new AuditEvent("det.reyes", "CA0190000", null, "share.send", "ok", Target: "agency CA0340000"), none);
        await trail.AppendAsync(new AuditEvent("rm.cho", "CA0190000", null, "records-request.status", "ok", Target: "records-request:1", Detail: "status=Denied"), none);
        await database.Store.AddReadAsync(TestRecords.Read("old-pole"), new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), none);
        await database.Store.AddReadAsync(TestRecords.Read("pole-1"), MonthStart.AddDays(20), none);
    }
}
