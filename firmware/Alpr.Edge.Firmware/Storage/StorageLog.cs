using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>Log messages of the firmware's storage layer.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Committing {Reads} reads to the device store failed; they stay in memory and the commit is tried again at the next flush")]
    public static partial void BatchCommitFailed(ILogger logger, Exception exception, int reads);
}
