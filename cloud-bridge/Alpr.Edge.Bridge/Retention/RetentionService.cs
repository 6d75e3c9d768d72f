using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Retention;

/// <summary>
/// Purges reads past <see cref="RetentionOptions.ReadsKeptFor"/> once at start and then every
/// <see cref="RetentionOptions.PurgeEvery"/> on the bridge's clock. Held reads are spared by the store; each purge is
/// recorded in the store's purge history. A failed purge is logged and tried again at the next interval.
/// </summary>
public sealed partial class RetentionService(
    ICentralStore store, IOptions<BridgeOptions> options, TimeProvider time, ILogger<RetentionService> logger) : PeriodicService(time)
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
            Purged?.Invoke(this, result);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PurgeFailed(logger, cutoff, ex.Message.ReplaceLineEndings(" "));
            return null;
        }
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.Retention.PurgeEvery;

    /// <inheritdoc />
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PurgeOnceAsync(cancellationToken);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Purge of reads captured before {Cutoff:O} failed: {Reason}; trying again at the next interval")]
    private static partial void PurgeFailed(ILogger logger, DateTimeOffset cutoff, string reason);
}
