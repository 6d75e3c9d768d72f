using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Log events of the central store (event ids 400-449); both engines use them.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Debug, Message = "migrations: {Line}")]
    public static partial void Migration(ILogger logger, string line);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "{Database}: applied migration {Migration}")]
    public static partial void MigrationApplied(ILogger logger, string database, string migration);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "{Database}: schema is up to date ({Engine})")]
    public static partial void SchemaReady(ILogger logger, string database, string engine);

    [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "{Database}: created partition {Partition}")]
    public static partial void PartitionCreated(ILogger logger, string database, string partition);
}
