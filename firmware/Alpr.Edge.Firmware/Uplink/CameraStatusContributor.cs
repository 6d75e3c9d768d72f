using System.Diagnostics.Metrics;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// Camera health for the status, from this host's capture counters (<c>alpr.capture.frames</c>,
/// <c>alpr.capture.frames_dropped</c>): <c>starting</c> before the first frame, <c>ok</c> while frames arrive,
/// <c>stalled</c> after <see cref="StallAfter"/> without one.
/// </summary>
internal sealed class CameraStatusContributor : IStatusContributor, IDisposable
{
    /// <summary>A camera with no frame for this long is reported stalled.</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _timeProvider;
    private readonly MeterListener _listener = new();
    private long _frames;
    private long _dropped;
    private long _lastFrameAt;

    public CameraStatusContributor(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meters: tests run several hosts in one process.
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name is "alpr.capture.frames" or "alpr.capture.frames_dropped")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "alpr.capture.frames")
            {
                Interlocked.Add(ref _frames, value);
                Interlocked.Exchange(ref _lastFrameAt, _timeProvider.GetTimestamp());
            }
            else
            {
                Interlocked.Add(ref _dropped, value);
            }
        });
        _listener.Start();
    }

    public DeviceHealthMessage Contribute(DeviceHealthMessage status)
    {
        var frames = Interlocked.Read(ref _frames);
        if (frames == 0)
        {
            return status with { Camera = new CameraStatus("starting", 0, Interlocked.Read(ref _dropped)) };
        }

        var since = _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastFrameAt));
        return status with
        {
            Camera = new CameraStatus(since > StallAfter ? "stalled" : "ok", frames, Interlocked.Read(ref _dropped), Math.Round(since.TotalSeconds, 1)),
        };
    }

    public void Dispose() => _listener.Dispose();
}
