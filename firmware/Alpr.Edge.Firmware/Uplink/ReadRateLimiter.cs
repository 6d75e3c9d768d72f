namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// A token bucket for reads: <c>perSecond</c> tokens a second, at most <c>burst</c> held. Used from the uplink's
/// loop only (not thread-safe).
/// </summary>
internal sealed class ReadRateLimiter
{
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _timeProvider;
    private double _tokens;
    private long _refilledAt;

    public ReadRateLimiter(double perSecond, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _perSecond = perSecond;
        _burst = burst;
        _timeProvider = timeProvider;
        _tokens = burst;
        _refilledAt = timeProvider.GetTimestamp();
    }

    /// <summary>Whole reads that may go out now.</summary>
    public int Available()
    {
        Refill();
        return (int)Math.Floor(_tokens);
    }

    /// <summary>Spends tokens for reads sent.</summary>
    public void Spend(int reads) => _tokens = Math.Max(0, _tokens - reads);

    /// <summary>How long until one more read may go out.</summary>
    public TimeSpan UntilNext()
    {
        Refill();
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
    }

    private void Refill()
    {
        var now = _timeProvider.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (_timeProvider.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
        _refilledAt = now;
    }
}
