using UnitsNet;

namespace Alpr.Edge.Hardware.Thermal;

/// <summary>A thermal zone whose temperature is set or ramped linearly over time (on the given clock), or made unreadable.</summary>
public sealed class SimulatedThermalZone : ThermalZone
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _fromCelsius;
    private double _toCelsius;
    private DateTimeOffset _rampStart;
    private TimeSpan _rampLength;

    /// <summary>Creates a zone at <paramref name="initial"/>.</summary>
    public SimulatedThermalZone(TimeProvider timeProvider, Temperature initial)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        Set(initial);
    }

    /// <inheritdoc />
    public override string Description => "simulated thermal zone";

    /// <summary>When <see langword="false"/>, reads fail as if the sysfs file were missing.</summary>
    public bool Readable { get; set; } = true;

    /// <summary>The temperature now.</summary>
    public Temperature Current
    {
        get
        {
            lock (_gate)
            {
                return Temperature.FromDegreesCelsius(CelsiusAt(_time.GetUtcNow()));
            }
        }
    }

    /// <summary>Jumps to <paramref name="temperature"/>.</summary>
    public void Set(Temperature temperature) => RampTo(temperature, TimeSpan.Zero);

    /// <summary>Moves linearly from the current temperature to <paramref name="target"/> over <paramref name="duration"/>.</summary>
    public void RampTo(Temperature target, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _fromCelsius = duration == TimeSpan.Zero ? target.DegreesCelsius : CelsiusAt(now);
            _toCelsius = target.DegreesCelsius;
            _rampStart = now;
            _rampLength = duration;
        }
    }

    /// <inheritdoc />
    public override bool TryReadTemperature(out Temperature temperature)
    {
        temperature = Readable ? Current : default;
        return Readable;
    }

    private double CelsiusAt(DateTimeOffset now)
    {
        var share = _rampLength <= TimeSpan.Zero ? 1 : Math.Clamp((now - _rampStart) / _rampLength, 0, 1);
        return _fromCelsius + ((_toCelsius - _fromCelsius) * share);
    }
}
