using System.Globalization;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Retention;

/// <summary>
/// Purges reads past <see cref="RetentionOptions.ReadsKeptFor"/> once at start and then every
/// <see cref="RetentionOptions.PurgeEvery"/> on the bridge's clock. Held reads are spared by the store; each purge is
/// recorded in the store's purge history and appended to the audit trail (which no purge touches). A failed purge is logged and tried again at the next interval.
/// </summary>
public sealed partial class RetentionService(
    ICentralStore store, IAuditTrail trail, IOptions<BridgeOptions> options, TimeProvider time, ILogger<RetentionService> logger) : PeriodicService(time)
{
    /// <summary>Raised after each purge that completed.</summary>
    public event EventHandler<PurgeResult>? Purged;

    /// <summary>Purges once, now; null when the purge failed (logged).</summary>
    public async Task<PurgeResult?> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var cutoff = now - options.Value.Retention.ReadsKeptFor;
        try
        {
            var result = await store.PurgeReadsAsync(cutoff, now, cancellationToken);
            await AuditAsync("ok", cutoff, string.Create(CultureInfo.InvariantCulture,
                $"purged={result.Purged} spared={result.Spared} holds={string.Join(',', result.SparingHolds)} partitions={string.Join(',', result.DroppedPartitions)}"), cancellationToken);
            Purged?.Invoke(this, result);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PurgeFailed(logger, cutoff, ex.Message.ReplaceLineEndings(" "));
            await AuditAsync("failed", cutoff, ex.Message.ReplaceLineEndings(" "), cancellationToken);
            return null;
        }
    }

    private async Task AuditAsync(string outcome, DateTimeOffset cutoff, string detail, CancellationToken cancellationToken)
    {
        try
        {
            await trail.AppendAsync(
                new AuditEvent(AuditedAction.SystemUser, null, null, AuditedAction.RetentionPurge, outcome,
                    Target: "reads captured before " + cutoff.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), Detail: detail),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PurgeAuditFailed(logger, cutoff, ex.Message.ReplaceLineEndings(" "));
        }
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.Retention.PurgeEvery;

    /// <inheritdoc />
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PurgeOnceAsync(cancellationToken);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Purge of reads captured before {Cutoff:O} failed: {Reason}; trying again at the next interval")]
    private static partial void PurgeFailed(ILogger logger, DateTimeOffset cutoff, string reason);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "The purge of reads captured before {Cutoff:O} could not be appended to the audit trail: {Reason}")]
    private static partial void PurgeAuditFailed(ILogger logger, DateTimeOffset cutoff, string reason);
}
