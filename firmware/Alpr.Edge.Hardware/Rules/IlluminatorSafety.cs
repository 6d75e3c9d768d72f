using UnitsNet;

namespace Alpr.Edge.Hardware.Rules;

/// <summary>
/// Keeps the IR illuminator inside its thermal and duty-cycle limits: derates or cuts it off as the SoC heats up (with
/// recovery hysteresis), cuts it off while the illuminator's over-temperature contact is active, and rests it after it was
/// on for too large a share of the duty window (then the account starts again). An unreadable temperature derates, it never runs the lamp blind at full power.
/// </summary>
public sealed class IlluminatorSafety
{
    private readonly Queue<(DateTimeOffset Start, DateTimeOffset End)> _onIntervals = new();
    private DateTimeOffset? _onSince;
    private DateTimeOffset? _restUntil;
    private bool _derated;
    private bool _cutOff;

    /// <summary>Creates the rule with the given limits.</summary>
    public IlluminatorSafety(IlluminatorSafetyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.DerateAt >= limits.CutOffAt)
        {
            throw new ArgumentException($"The derate temperature ({limits.DerateAt}) must be below the cut-off ({limits.CutOffAt}).", nameof(limits));
        }

        Limits = limits;
    }

    /// <summary>The thresholds in use.</summary>
    public IlluminatorSafetyLimits Limits { get; }

    /// <summary>Decides the limit at <paramref name="now"/>.</summary>
    /// <param name="now">Evaluation time.</param>
    /// <param name="socTemperature">SoC temperature, or <see langword="null"/> when the thermal zone could not be read.</param>
    /// <param name="overTemperatureInput">Whether the illuminator's over-temperature contact is active.</param>
    public IlluminatorLimit Evaluate(DateTimeOffset now, Temperature? socTemperature, bool overTemperatureInput)
    {
        UpdateThermalState(socTemperature);
        if (overTemperatureInput)
        {
            return new(IlluminatorLimitState.OverTemperatureInput, 0, "the illuminator's over-temperature contact is active");
        }

        if (_cutOff)
        {
            return new(IlluminatorLimitState.TemperatureCutOff, 0, $"SoC at {Describe(socTemperature)}, cut-off {Limits.CutOffAt.DegreesCelsius:F0} °C");
        }

        if (_restUntil is { } until && now < until)
        {
            return new(IlluminatorLimitState.DutyRest, 0, $"on for {Limits.MaxOnFraction:P0} of {Limits.DutyWindow}; resting until {until:HH:mm:ss}");
        }

        _restUntil = null;
        if (Limits.MaxOnFraction < 1 && OnShare(now) >= Limits.MaxOnFraction)
        {
            // The rest is the cool-down the illuminator's datasheet asks for; after it, the duty account starts again.
            _restUntil = now + Limits.RestPeriod;
            _onIntervals.Clear();
            _onSince = null;
            return new(IlluminatorLimitState.DutyRest, 0, $"on for {Limits.MaxOnFraction:P0} of {Limits.DutyWindow}; resting {Limits.RestPeriod}");
        }

        if (_derated)
        {
            var reason = socTemperature is null ? "SoC temperature unreadable" : $"SoC at {Describe(socTemperature)}, derate from {Limits.DerateAt.DegreesCelsius:F0} °C";
            return new(IlluminatorLimitState.Derated, Limits.DeratedIntensity, reason);
        }

        return new(IlluminatorLimitState.Normal, 1, "within limits");
    }

    /// <summary>Tells the rule whether the illuminator is lit from <paramref name="now"/> on, for the duty-cycle account.</summary>
    public void RecordOutput(DateTimeOffset now, bool lit)
    {
        if (lit && _onSince is null)
        {
            _onSince = now;
        }
        else if (!lit && _onSince is { } since)
        {
            _onIntervals.Enqueue((since, now));
            _onSince = null;
        }
    }

    /// <summary>Share of the duty window, ending at <paramref name="now"/>, the illuminator was on.</summary>
    public double OnShare(DateTimeOffset now)
    {
        var windowStart = now - Limits.DutyWindow;
        while (_onIntervals.TryPeek(out var oldest) && oldest.End <= windowStart)
        {
            _onIntervals.Dequeue();
        }

        var on = TimeSpan.Zero;
        foreach (var (start, end) in _onIntervals)
        {
            on += Overlap(start, end, windowStart, now);
        }

        if (_onSince is { } since)
        {
            on += Overlap(since, now, windowStart, now);
        }

        return Limits.DutyWindow <= TimeSpan.Zero ? 0 : on / Limits.DutyWindow;
    }

    private static TimeSpan Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var from = start > windowStart ? start : windowStart;
        var to = end < windowEnd ? end : windowEnd;
        return to > from ? to - from : TimeSpan.Zero;
    }

    private static string Describe(Temperature? temperature) => temperature is { } t ? $"{t.DegreesCelsius:F1} °C" : "unknown";

    private void UpdateThermalState(Temperature? socTemperature)
    {
        if (socTemperature is not { } t)
        {
            // Unreadable: stay cut off if we were, otherwise derate.
            _derated = true;
            return;
        }

        var cutOffRelease = Limits.CutOffAt - Limits.RecoveryHysteresis;
        var derateRelease = Limits.DerateAt - Limits.RecoveryHysteresis;
        _cutOff = _cutOff ? t > cutOffRelease : t >= Limits.CutOffAt;
        _derated = _derated ? t > derateRelease : t >= Limits.DerateAt;
    }
}
