using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Capture.Health;

/// <summary>
/// One camera's health: its state with the reason, and the frame counters. The supervisor moves the state; sources count the
/// frames they lose. Each change of state is logged once and raised as <see cref="Changed"/>; a new reason within the same state
/// only updates the snapshot. Thread-safe.
/// </summary>
public sealed class CameraHealthMonitor
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CameraHealth _current;

    /// <summary>Creates the monitor in <see cref="CameraHealthState.Starting"/>.</summary>
    public CameraHealthMonitor(string camera, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        _logger = logger;
        _current = new CameraHealth(camera, CameraHealthState.Starting, "opening the camera", timeProvider.GetUtcNow(), 0, 0, 0, null);
    }

    /// <summary>Raised after each change of state, with the new snapshot (on the thread that changed it).</summary>
    public event EventHandler<CameraHealth>? Changed;

    /// <summary>Camera name.</summary>
    public string Camera => _current.Camera;

    /// <summary>The current snapshot.</summary>
    public CameraHealth Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Counts a frame handed to the consumer; the first one after another state moves to <see cref="CameraHealthState.Streaming"/>.</summary>
    public void FrameDelivered(DateTimeOffset capturedAt)
    {
        CameraHealth? changed = null;
        lock (_gate)
        {
            _current = _current with { FramesDelivered = _current.FramesDelivered + 1, LastFrameAt = capturedAt };
            if (_current.State != CameraHealthState.Streaming)
            {
                changed = _current = _current with { State = CameraHealthState.Streaming, Reason = "frames arriving", Since = _timeProvider.GetUtcNow() };
            }
        }

        Announce(changed);
    }

    /// <summary>Counts a frame the camera delivered that was lost before the consumer took it.</summary>
    public void FrameDropped()
    {
        lock (_gate)
        {
            _current = _current with { FramesDropped = _current.FramesDropped + 1 };
        }
    }

    /// <summary>Counts a reconnection and moves to <see cref="CameraHealthState.Reconnecting"/>.</summary>
    public void Reconnecting(string reason)
    {
        CameraHealth? changed;
        lock (_gate)
        {
            _current = _current with { Reconnects = _current.Reconnects + 1 };
            changed = Move(CameraHealthState.Reconnecting, reason);
        }

        Announce(changed);
    }

    /// <summary>Moves to <paramref name="state"/> with <paramref name="reason"/>; logs and raises <see cref="Changed"/> only when the state changes.</summary>
    public void Transition(CameraHealthState state, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        CameraHealth? changed;
        lock (_gate)
        {
            changed = Move(state, reason);
        }

        Announce(changed);
    }

    private CameraHealth? Move(CameraHealthState state, string reason)
    {
        if (_current.State == state)
        {
            _current = _current with { Reason = reason };
            return null;
        }

        _current = _current with { State = state, Reason = reason, Since = _timeProvider.GetUtcNow() };
        return _current;
    }

    private void Announce(CameraHealth? changed)
    {
        if (changed is null)
        {
            return;
        }

        switch (changed.State)
        {
            case CameraHealthState.Failed:
                CaptureLog.CameraFailed(_logger, changed.Camera, changed.Reason);
                break;
            case CameraHealthState.Stalled or CameraHealthState.Reconnecting:
                CaptureLog.CameraTrouble(_logger, changed.Camera, changed.State, changed.Reason);
                break;
            default:
                CaptureLog.CameraState(_logger, changed.Camera, changed.State, changed.Reason);
                break;
        }

        try
        {
            Changed?.Invoke(this, changed);
        }
        catch (Exception ex)
        {
            // A failing subscriber (status publisher) must not stop the camera.
            CaptureLog.HealthSubscriberFailed(_logger, ex, changed.Camera);
        }
    }
}
