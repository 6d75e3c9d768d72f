using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.Hardware.Status;

/// <summary>The status the LED shows; the firmware sets it (booting → running, no uplink, fault).</summary>
public sealed class PoleStatusIndicator
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private PoleStatus _status = PoleStatus.Booting;
    private DateTimeOffset _since;

    /// <summary>Starts at <see cref="PoleStatus.Booting"/>.</summary>
    public PoleStatusIndicator(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _since = timeProvider.GetUtcNow();
    }

    /// <summary>The status shown.</summary>
    public PoleStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Shows <paramref name="status"/>; the pattern restarts only when the status changes.</summary>
    public void Set(PoleStatus status)
    {
        lock (_gate)
        {
            if (status != _status)
            {
                _status = status;
                _since = _time.GetUtcNow();
            }
        }
    }

    /// <summary>The status and when it started.</summary>
    public (PoleStatus Status, DateTimeOffset Since) Snapshot()
    {
        lock (_gate)
        {
            return (_status, _since);
        }
    }
}
