using System.Diagnostics.Metrics;

namespace Alpr.Edge.Firmware.Recognition;

/// <summary>Recognition and tracking instruments (meter <c>Alpr.Edge.Firmware.Recognition</c>).</summary>
public sealed class RecognitionMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Alpr.Edge.Firmware.Recognition";

    private readonly Counter<long> _frames;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _plates;
    private readonly Counter<long> _tracks;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public RecognitionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _frames = meter.CreateCounter<long>("alpr.recognition.frames", "{frame}", "Frames recognised.");
        _failures = meter.CreateCounter<long>("alpr.recognition.failures", "{frame}", "Frames the recogniser failed on.");
        _plates = meter.CreateCounter<long>("alpr.recognition.plates", "{plate}", "Plate sightings (one plate in one frame).");
        _tracks = meter.CreateCounter<long>("alpr.tracking.reads", "{read}", "Reads the tracker yielded (one per vehicle pass).");
        _duration = meter.CreateHistogram<double>("alpr.recognition.duration", "ms", "Time to recognise one frame.");
    }

    /// <summary>Records one recognised frame.</summary>
    public void FrameRecognised(int plates, TimeSpan elapsed)
    {
        _frames.Add(1);
        _plates.Add(plates);
        _duration.Record(elapsed.TotalMilliseconds);
    }

    /// <summary>Counts a frame the recogniser failed on.</summary>
    public void RecognitionFailed() => _failures.Add(1);

    /// <summary>Counts reads yielded by the tracker.</summary>
    public void TrackedReads(int count) => _tracks.Add(count);
}
