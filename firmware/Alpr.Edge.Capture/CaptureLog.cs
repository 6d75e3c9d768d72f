using Alpr.Edge.Capture.Health;
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

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Camera {Camera}: {State} ({Reason})")]
    public static partial void CameraState(ILogger logger, string camera, CameraHealthState state, string reason);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Camera {Camera}: {State} ({Reason})")]
    public static partial void CameraTrouble(ILogger logger, string camera, CameraHealthState state, string reason);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Error, Message = "Camera {Camera}: Failed ({Reason})")]
    public static partial void CameraFailed(ILogger logger, string camera, string reason);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Warning, Message = "Camera {Camera}: a health subscriber failed")]
    public static partial void HealthSubscriberFailed(ILogger logger, Exception exception, string camera);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Camera {Camera}: starting {Program} for {Input}")]
    public static partial void FfmpegStarting(ILogger logger, string camera, string program, string input);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "Camera {Camera}: frame {Count} could not be decoded ({Reason}); counted as dropped")]
    public static partial void UndecodableFrame(ILogger logger, string camera, long count, string reason);

    [LoggerMessage(EventId = 1130, Level = LogLevel.Warning, Message = "Camera {Camera}: the driver of {Device} has no {Control} control; {Setting} is ignored")]
    public static partial void V4l2ControlMissing(ILogger logger, string camera, string device, string control, string setting);

    [LoggerMessage(EventId = 1131, Level = LogLevel.Information, Message = "Camera {Camera}: {Device} opened at {Width}x{Height} {Format}, {Fps} fps")]
    public static partial void V4l2Opened(ILogger logger, string camera, string device, int width, int height, V4l2.V4l2PixelFormat format, double fps);
}
