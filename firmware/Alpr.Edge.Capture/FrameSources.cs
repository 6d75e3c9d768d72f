using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Capture;

/// <summary>Creates a frame source from a <c>--source</c> value: <c>sim://SEED</c> or a folder of images.</summary>
public static class FrameSources
{
    /// <summary>Creates the source, or throws <see cref="ArgumentException"/> with a one-line reason for a value it cannot use.</summary>
    public static IFrameSource Create(string source, string camera, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        throw new ArgumentException($"unsupported source '{source}' (not yet implemented)", nameof(source));
    }
}
