using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Log events of the central store (event ids 5000-5049); both engines use them.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Debug, Message = "migrations: {Line}")]
    public static partial void Migration(ILogger logger, string line);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "{Database}: applied migration {Migration}")]
    public static partial void MigrationApplied(ILogger logger, string database, string migration);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "{Database}: schema is up to date ({Engine})")]
    public static partial void SchemaReady(ILogger logger, string database, string engine);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "{Database}: created partition {Partition}")]
    public static partial void PartitionCreated(ILogger logger, string database, string partition);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "{Database}: purged {Purged} reads captured before {Cutoff:O}, spared {Spared} on hold ({Holds}), dropped partitions: {Partitions}")]
    public static partial void Purged(
        ILogger logger, string database, long purged, DateTimeOffset cutoff, long spared, IReadOnlyList<string> holds, IReadOnlyList<string> partitions);

    /// <summary>Logs a purge's result.</summary>
    public static void Purged(ILogger logger, string database, PurgeResult result) =>
        Purged(logger, database, result.Purged, result.Cutoff, result.Spared, result.SparingHolds, result.DroppedPartitions);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "{Path} was {Mode}, readable by others; narrowed to {Narrowed} (reads are personal information)")]
    public static partial void ModeNarrowed(ILogger logger, string path, string mode, string narrowed);
}
