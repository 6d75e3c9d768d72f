using Alpr.Edge.Capture.Ffmpeg;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.V4l2;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Capture;

/// <summary>What <see cref="FrameSources.Create(string, string, FrameSourceContext)"/> builds sources with.</summary>
/// <param name="TimeProvider">The clock frames are stamped and paced with.</param>
/// <param name="LoggerFactory">Loggers of the sources.</param>
public sealed record FrameSourceContext(TimeProvider TimeProvider, ILoggerFactory LoggerFactory)
{
    /// <summary>The camera's health, which sources that lose frames count into (optional).</summary>
    public CameraHealthMonitor? Health { get; init; }

    /// <summary>Opens a V4L2 device: <see cref="IotVideoDevice.Open"/> on a board, a <see cref="SimulatedV4l2Camera"/> in tests.</summary>
    public Func<string, V4l2Device> OpenV4l2Device { get; init; } = IotVideoDevice.Open;

    /// <summary>The ffmpeg program for network cameras and video files.</summary>
    public string FfmpegProgram { get; init; } = FfmpegSourceOptions.DefaultProgram;
}
