using System.Diagnostics.Metrics;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>Capture counters (meter <c>Alpr.Edge.Firmware.Capture</c>).</summary>
public sealed class CaptureMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Alpr.Edge.Firmware.Capture";

    private readonly Counter<long> _frames;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _skipped;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public CaptureMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _frames = meter.CreateCounter<long>("alpr.capture.frames", "{frame}", "Frames received from the source.");
        _dropped = meter.CreateCounter<long>("alpr.capture.frames_dropped", "{frame}", "Frames dropped unrecognised because the queue was full.");
        _skipped = meter.CreateCounter<long>("alpr.capture.frames_skipped", "{frame}", "Frames not recognised because no vehicle-trigger window covered them.");
    }

    /// <summary>Counts a frame from the source.</summary>
    public void FrameCaptured() => _frames.Add(1);

    /// <summary>Counts a frame dropped from the full queue.</summary>
    public void FrameDropped() => _dropped.Add(1);

    /// <summary>Counts a frame kept from recognition because it fell outside every trigger window.</summary>
    public void FrameSkipped() => _skipped.Add(1);
}
