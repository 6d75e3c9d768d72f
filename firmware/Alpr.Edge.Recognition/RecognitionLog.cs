using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Recognition;

/// <summary>Source-generated log messages of the recogniser (event ids 2000-2099). Plate text is never logged here.</summary>
internal static partial class RecognitionLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Recognition models loaded from {Directory} ({Manifest}): detector {Detector}, reader {Reader}, on {Provider} with {Threads} thread(s)")]
    public static partial void ModelsLoaded(ILogger logger, string directory, string manifest, string detector, string reader, RecognitionExecutionProvider provider, int threads);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "{Model}: {Choice} {File} on {CpuClass} ({CpuFlags}): {Reason}")]
    public static partial void ModelChosen(ILogger logger, string model, string choice, string file, string cpuClass, string cpuFlags, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{Model}: {Choice} {File} on {CpuClass} ({CpuFlags}), not verified there: {Reason}")]
    public static partial void ModelChosenUnverified(ILogger logger, string model, string choice, string file, string cpuClass, string cpuFlags, string reason);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Frame {Width}x{Height}: {Lines} text line(s), {Read} read, {Plates} plate(s) in {Milliseconds:F1} ms")]
    public static partial void FrameRecognized(ILogger logger, int width, int height, int lines, int read, int plates, double milliseconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Frame {Width}x{Height}: {Regions} plate region(s), {Read} read, {Plates} plate(s) in {Milliseconds:F1} ms")]
    public static partial void PlateRegionsRecognized(ILogger logger, int width, int height, int regions, int read, int plates, double milliseconds);
}
