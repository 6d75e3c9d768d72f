using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Storage.Diagnostics;

/// <summary>Store log messages (event ids 5000-5099). Never a plate, position or image: ids, counts and times only.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Store {Path} open: schema {SchemaVersion}, {Records} records, {Backlog} not yet acknowledged, {Held} held")]
    public static partial void Opened(ILogger logger, string path, int schemaVersion, long records, long backlog, long held);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Store {Path} migrated from schema {FromVersion} to {ToVersion}; the previous file was copied to {Backup}")]
    public static partial void Migrated(ILogger logger, string path, int fromVersion, int toVersion, string backup);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Record {RecordId} cannot be read ({Reason}); it is skipped and kept for inspection")]
    public static partial void RecordUnreadable(ILogger logger, Guid recordId, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "ALARM disk budget exhausted by un-transferred reads: images of {Count} reads dropped (oldest captured {Oldest:o}); {LiveBytes} of {BudgetBytes} bytes")]
    public static partial void ImagesDropped(ILogger logger, int count, DateTimeOffset? oldest, long liveBytes, long budgetBytes);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Critical, Message = "ALARM disk budget exhausted: {Count} un-transferred reads without hits dropped (oldest captured {Oldest:o}); {LiveBytes} of {BudgetBytes} bytes")]
    public static partial void ReadsDropped(ILogger logger, int count, DateTimeOffset? oldest, long liveBytes, long budgetBytes);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Critical, Message = "ALARM held records and hits alone exceed the disk budget ({LiveBytes} of {BudgetBytes} bytes); nothing more can be dropped")]
    public static partial void BudgetHeld(ILogger logger, long liveBytes, long budgetBytes);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Store key rotated: new data key generation {KeyId}, every key re-wrapped under the new device key")]
    public static partial void KeyRotated(ILogger logger, long keyId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Hold {HoldId} ({Kind}) placed on {Records} records")]
    public static partial void HoldPlaced(ILogger logger, long holdId, Holds.HoldKind kind, int records);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Hold {HoldId} released ({Records} records re-checked)")]
    public static partial void HoldReleased(ILogger logger, long holdId, int records);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Store budget {BudgetBytes} bytes holds {Days:0.0} days at {ReadsPerDay:0} reads/day of {BytesPerRead:0} bytes ({Source})")]
    public static partial void Capacity(ILogger logger, long budgetBytes, double days, double readsPerDay, double bytesPerRead, string source);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Store budget holds only {Days:0.0} days at the measured rate, less than the {MinimumDays:0} days required; raise Storage:DiskBudgetBytes")]
    public static partial void CapacityShort(ILogger logger, double days, double minimumDays);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "Ring step: {Purged} purged, {ImagesDropped} images dropped, {ReadsDropped} reads dropped, {FreedBytes} bytes freed")]
    public static partial void Purged(ILogger logger, int purged, int imagesDropped, int readsDropped, long freedBytes);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Ring maintenance step failed; retrying at the next interval")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
