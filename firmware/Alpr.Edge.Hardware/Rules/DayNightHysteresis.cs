using UnitsNet;

namespace Alpr.Edge.Hardware.Rules;

/// <summary>
/// Decides day or night from ambient light with two thresholds and a dwell time, so a passing headlight or a cloud
/// does not flip the IR-cut filter: night starts after the light stayed below <see cref="NightBelow"/> for
/// <see cref="MinimumDwell"/>, day after it stayed above <see cref="DayAbove"/> as long.
/// </summary>
public sealed class DayNightHysteresis
{
    private LightPeriod? _candidate;
    private DateTimeOffset _candidateSince;

    /// <summary>Creates the rule; <paramref name="nightBelow"/> must be below <paramref name="dayAbove"/>.</summary>
    public DayNightHysteresis(Illuminance nightBelow, Illuminance dayAbove, TimeSpan minimumDwell, LightPeriod initial = LightPeriod.Day)
    {
        if (nightBelow >= dayAbove)
        {
            throw new ArgumentException($"The night threshold ({nightBelow.Lux} lx) must be below the day threshold ({dayAbove.Lux} lx).", nameof(nightBelow));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minimumDwell, TimeSpan.Zero);
        NightBelow = nightBelow;
        DayAbove = dayAbove;
        MinimumDwell = minimumDwell;
        Period = initial;
    }

    /// <summary>Light below which night may start.</summary>
    public Illuminance NightBelow { get; }

    /// <summary>Light above which day may start.</summary>
    public Illuminance DayAbove { get; }

    /// <summary>How long a reading must stay past a threshold before the period changes.</summary>
    public TimeSpan MinimumDwell { get; }

    /// <summary>The period decided so far.</summary>
    public LightPeriod Period { get; private set; }

    /// <summary>Feeds one reading; returns <see langword="true"/> when <see cref="Period"/> changed.</summary>
    public bool Update(Illuminance light, DateTimeOffset now)
    {
        LightPeriod? wanted = light < NightBelow ? LightPeriod.Night : light > DayAbove ? LightPeriod.Day : null;
        if (wanted is null || wanted == Period)
        {
            _candidate = null;
            return false;
        }

        if (_candidate != wanted)
        {
            _candidate = wanted;
            _candidateSince = now;
        }

        if (now - _candidateSince < MinimumDwell)
        {
            return false;
        }

        Period = wanted.Value;
        _candidate = null;
        return true;
    }
}
