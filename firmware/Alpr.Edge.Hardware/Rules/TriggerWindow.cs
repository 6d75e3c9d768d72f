namespace Alpr.Edge.Hardware.Rules;

/// <summary>
/// The time a vehicle trigger (loop detector, radar contact) keeps recognition running: while the contact is active and for
/// <see cref="Hold"/> after it releases.
/// </summary>
public sealed class TriggerWindow
{
    private bool _active;
    private DateTimeOffset? _releasedAt;

    /// <summary>Creates a window with the given hold time after release.</summary>
    public TriggerWindow(TimeSpan hold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hold, TimeSpan.Zero);
        Hold = hold;
    }

    /// <summary>How long the window stays open after the trigger releases.</summary>
    public TimeSpan Hold { get; }

    /// <summary>Records the debounced trigger level at <paramref name="now"/>.</summary>
    public void Update(bool active, DateTimeOffset now)
    {
        if (_active && !active)
        {
            _releasedAt = now;
        }

        _active = active;
    }

    /// <summary>Whether frames captured at <paramref name="now"/> should be recognised.</summary>
    public bool IsOpen(DateTimeOffset now) => _active || (_releasedAt is { } released && now - released <= Hold);
}
