using Alpr.Edge.Capture;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.Rules;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>
/// With <c>Capture:Recognize=TriggerWindows</c>, lets through to recognition only the frames captured around a vehicle trigger
/// (<see cref="PoleHardwareEvents.VehicleTrigger"/>, already debounced by the inputs monitor): from <see cref="CaptureOptions.PreTrigger"/>
/// before the trigger became active, while it is active, and for <c>Hardware:Inputs:TriggerWindowHold</c> after it released. Frames
/// outside a window wait in a small per-camera buffer (at most <see cref="CaptureOptions.PreTriggerFrames"/>) in case a trigger
/// follows; those that age out are disposed and counted as skipped. With <c>Always</c> every frame passes.
/// </summary>
public sealed class TriggerGate : IDisposable
{
    private readonly PoleHardwareEvents _events;
    private readonly CaptureMetrics _metrics;
    private readonly TimeSpan _preTrigger;
    private readonly int _bufferFrames;
    private readonly TriggerWindow _window;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Frame>> _waiting = new(StringComparer.Ordinal);
    private DateTimeOffset? _activatedAt;
    private long _skipped;

    /// <summary>Creates the gate and subscribes to the trigger when the mode asks for windows.</summary>
    public TriggerGate(IOptions<CaptureOptions> options, IOptions<HardwareOptions> hardware, PoleHardwareEvents events, CaptureMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metrics);
        _events = events;
        _metrics = metrics;
        Enabled = options.Value.Recognize == RecognizeMode.TriggerWindows;
        _preTrigger = options.Value.PreTrigger;
        _bufferFrames = options.Value.PreTriggerFrames;
        _window = new TriggerWindow(hardware.Value.Inputs.TriggerWindowHold);
        if (Enabled)
        {
            _events.VehicleTrigger += OnTrigger;
        }
    }

    /// <summary>Whether recognition runs on trigger windows only.</summary>
    public bool Enabled { get; }

    /// <summary>Frames kept from recognition because no trigger window covered them.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>
    /// The frames to recognise now that <paramref name="frame"/> arrived, in capture order: none while no window is open (the frame
    /// waits), the waiting frames from just before the trigger plus this one when a window opened. The caller owns what it gets.
    /// </summary>
    public IReadOnlyList<Frame> Admit(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!Enabled)
        {
            return [frame];
        }

        lock (_gate)
        {
            if (!_waiting.TryGetValue(frame.Camera, out var waiting))
            {
                waiting = new Queue<Frame>();
                _waiting[frame.Camera] = waiting;
            }

            if (_window.IsOpen(frame.CapturedAt))
            {
                var admitted = new List<Frame>(waiting.Count + 1);
                while (waiting.TryDequeue(out var earlier))
                {
                    if (_activatedAt is { } activated && earlier.CapturedAt >= activated - _preTrigger)
                    {
                        admitted.Add(earlier);
                    }
                    else
                    {
                        Skip(earlier);
                    }
                }

                admitted.Add(frame);
                return admitted;
            }

            waiting.Enqueue(frame);
            while (waiting.Count > _bufferFrames || waiting.Peek().CapturedAt < frame.CapturedAt - _preTrigger)
            {
                Skip(waiting.Dequeue());
            }

            return [];
        }
    }

    /// <summary>Disposes the frames still waiting and unsubscribes.</summary>
    public void Dispose()
    {
        _events.VehicleTrigger -= OnTrigger;
        lock (_gate)
        {
            foreach (var frame in _waiting.Values.SelectMany(q => q))
            {
                frame.Dispose();
            }

            _waiting.Clear();
        }
    }

    private void OnTrigger(object? sender, VehicleTriggerEvent change)
    {
        lock (_gate)
        {
            if (change.Active)
            {
                _activatedAt = change.At;
            }

            _window.Update(change.Active, change.At);
        }
    }

    private void Skip(Frame frame)
    {
        frame.Dispose();
        Interlocked.Increment(ref _skipped);
        _metrics.FrameSkipped();
    }
}
