using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Recognition;

/// <summary>Recognition log messages (event ids 2000-2099).</summary>
internal static partial class RecognitionLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Recognition failed on frame {Sequence} of {Camera} ({Failures} failures so far; logged once per 100)")]
    public static partial void RecognitionFailed(ILogger logger, Exception exception, long sequence, string camera, long failures);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Frame source finished; open tracks closed. The uplink keeps sending until the device stops")]
    public static partial void SourceFinished(ILogger logger);
}
