using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Capture;

/// <summary>Source-generated log messages of the capture stage (event ids 1100–1199).</summary>
internal static partial class CaptureLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Skipping image {FileName}: {Reason}")]
    public static partial void ImageSkipped(this ILogger logger, string fileName, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Image folder {Folder} has no readable images; the stream ends")]
    public static partial void FolderHasNoImages(this ILogger logger, string folder);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Reading {Count} images from {Folder} (loop: {Loop})")]
    public static partial void FolderPassStarted(this ILogger logger, string folder, int count, bool loop);
}
