using Alpr.Edge.Bridge.Audit.Checkpoints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>
/// Signs a checkpoint of the audit trail once at start and then every <see cref="BridgeOptions.AuditCheckpointEvery"/>
/// on the bridge's clock, when entries were appended since the last one (the trail also checkpoints every
/// <see cref="BridgeOptions.AuditCheckpointEveryEntries"/> entries). A failed checkpoint is logged and tried again.
/// </summary>
public sealed partial class AuditCheckpointService(
    AuditCheckpointer checkpointer, IOptions<BridgeOptions> options, TimeProvider time, ILogger<AuditCheckpointService> logger) : PeriodicService(time)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.AuditCheckpointEvery;

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checkpointer.CheckpointAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CheckpointFailed(logger, checkpointer.File.Path, ex.Message.ReplaceLineEndings(" "));
        }
    }

    [LoggerMessage(EventId = 5602, Level = LogLevel.Error, Message = "Audit checkpoint (database and {File}) failed: {Reason}; trying again at the next interval")]
    private static partial void CheckpointFailed(ILogger logger, string file, string reason);
}
