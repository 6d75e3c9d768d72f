namespace Alpr.Edge.Capture.Supervision;

/// <summary>
/// Delays between reconnection attempts: <see cref="SupervisionOptions.ReconnectInitialDelay"/>, doubling up to
/// <see cref="SupervisionOptions.ReconnectMaxDelay"/>, each spread by ±<see cref="SupervisionOptions.ReconnectJitter"/> so that
/// several cameras (or devices) that lost the same switch do not all come back in step. <see cref="Reset"/> after frames flowed.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _jitter;
    private readonly Random _random;

    /// <summary>Creates the back-off; <paramref name="random"/> draws the jitter.</summary>
    public ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        ArgumentNullException.ThrowIfNull(random);
        _initial = initial;
        _max = max;
        _jitter = jitter;
        _random = random;
    }

    /// <summary>Attempts since the last <see cref="Reset"/>.</summary>
    public int Attempt { get; private set; }

    /// <summary>The un-jittered delay of the next attempt: initial × 2^attempt, capped.</summary>
    public TimeSpan NextBase => Attempt >= 30 ? _max : TimeSpan.FromTicks(Math.Min(_max.Ticks, _initial.Ticks * (1L << Attempt)));

    /// <summary>The delay to wait before the next attempt; the one after doubles.</summary>
    public TimeSpan Next()
    {
        var delay = NextBase;
        Attempt++;
        var factor = 1 + (_jitter * ((2 * _random.NextDouble()) - 1));
        return delay * factor;
    }

    /// <summary>Starts again from the initial delay.</summary>
    public void Reset() => Attempt = 0;
}
