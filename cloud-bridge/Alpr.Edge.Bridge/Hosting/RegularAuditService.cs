using System.Globalization;
using System.Text.Json;
using Alpr.Edge.Bridge.Audit.Reports;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Web;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>
/// The regular audit: at the start of each month (UTC, on the bridge's clock) the report of the month before is written
/// to <c>audit-reports/audit-YYYY-MM.json</c> and <c>.csv</c> in the data folder, and the trail records that it ran
/// (<see cref="AuditedAction.RegularAudit"/>). At start, a missing report for the last month is made at once.
/// </summary>
public sealed partial class RegularAuditService(
    AuditReporter reporter, IAuditTrail trail, IOptions<BridgeOptions> options, TimeProvider time, ILogger<RegularAuditService> logger) : BackgroundService
{
    /// <summary>The folder in the data folder that holds the reports.</summary>
    public const string FolderName = "audit-reports";

    /// <summary>Writes last month's report unless it exists; returns its JSON path, or null when it existed or failed (logged).</summary>
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var to = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var from = to.AddMonths(-1);
        var name = "audit-" + from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var folder = Path.Combine(options.Value.DataDirectory, FolderName);
        var json = Path.Combine(folder, name + ".json");
        if (File.Exists(json))
        {
            return null;
        }

        try
        {
            var report = await reporter.BuildAsync(from, to, options.Value.ResolveWorkingHours(), cancellationToken);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".csv"), AuditReportCsv.WriteAll(report), cancellationToken);
            await File.WriteAllBytesAsync(json, JsonSerializer.SerializeToUtf8Bytes(report, AuditJson.Default.AuditReport), cancellationToken);
            await trail.AppendAsync(
                new AuditEvent(AuditedAction.SystemUser, null, null, AuditedAction.RegularAudit, "ok", "regular audit", Target: json,
                    Detail: string.Create(CultureInfo.InvariantCulture,
                        $"period={from:yyyy-MM} entries={report.Entries} outside-hours={report.OutsideWorkingHours.Count} refused={report.Refused.Count} missed-transfers={report.MissedTransfers.Count}")),
                cancellationToken);
            ReportWritten(logger, from, json);
            return json;
        }
        // A store disposed under a run that the stopping host cancelled is the stop, not a failure.
        catch (Exception ex) when (ex is not OperationCanceledException && !(ex is ObjectDisposedException && cancellationToken.IsCancellationRequested))
        {
            ReportFailed(logger, name, ex.Message.ReplaceLineEndings(" "));
            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            await Task.Delay(next - now, time, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 5610, Level = LogLevel.Information, Message = "Regular audit of {Month:yyyy-MM} written to {File}")]
    private static partial void ReportWritten(ILogger logger, DateTimeOffset month, string file);

    [LoggerMessage(EventId = 5611, Level = LogLevel.Error, Message = "Regular audit {Name} failed: {Reason}; trying again at the next start or month")]
    private static partial void ReportFailed(ILogger logger, string name, string reason);
}
