namespace Alpr.Edge.Bridge.Ingest;

/// <summary>Reconnection delays: <c>min</c>, then doubling up to <c>max</c>; <see cref="Reset"/> after a success.</summary>
public sealed class ExponentialBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    /// <summary>Creates a back-off between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public ExponentialBackoff(TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        _min = min;
        _max = max;
        _next = min;
    }

    /// <summary>The delay to wait now; the following one doubles.</summary>
    public TimeSpan Next()
    {
        var delay = _next;
        _next = _next >= _max / 2 ? _max : _next * 2;
        return delay;
    }

    /// <summary>Starts again from the shortest delay.</summary>
    public void Reset() => _next = _min;
}
