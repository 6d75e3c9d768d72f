using Alpr.Edge.Capture.Health;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>Capture log messages (event ids 1000-1099).</summary>
internal static partial class CaptureLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Capturing from {Source} as camera {Camera}")]
    public static partial void CaptureStarted(ILogger logger, string source, string camera);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Source {Source} ended after {Frames} frames: {State} ({Reason})")]
    public static partial void SourceEnded(ILogger logger, string source, long frames, CameraHealthState state, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Source {Source} failed after {Frames} frames")]
    public static partial void SourceFailed(ILogger logger, Exception exception, string source, long frames);
}
