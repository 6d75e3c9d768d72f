namespace Alpr.Edge.Hardware.Rules;

/// <summary>
/// Accepts a contact's new level only after it stayed there for <see cref="StableFor"/>; bounces shorter than that are ignored.
/// </summary>
public sealed class Debouncer
{
    private bool? _candidate;
    private DateTimeOffset _candidateSince;

    /// <summary>Creates a debouncer that starts at <paramref name="initial"/>.</summary>
    public Debouncer(TimeSpan stableFor, bool initial = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stableFor, TimeSpan.Zero);
        StableFor = stableFor;
        Stable = initial;
    }

    /// <summary>How long a new level must hold.</summary>
    public TimeSpan StableFor { get; }

    /// <summary>The accepted level.</summary>
    public bool Stable { get; private set; }

    /// <summary>Feeds one sample; returns <see langword="true"/> when <see cref="Stable"/> changed.</summary>
    public bool Update(bool raw, DateTimeOffset now)
    {
        if (raw == Stable)
        {
            _candidate = null;
            return false;
        }

        if (_candidate != raw)
        {
            _candidate = raw;
            _candidateSince = now;
        }

        if (now - _candidateSince < StableFor)
        {
            return false;
        }

        Stable = raw;
        _candidate = null;
        return true;
    }
}
