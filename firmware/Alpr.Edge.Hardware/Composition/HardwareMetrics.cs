using System.Diagnostics.Metrics;
using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>Hardware instruments (meter <c>Alpr.Edge.Hardware</c>): illuminator, SoC temperature, light, tamper and trigger events.</summary>
public sealed class HardwareMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Alpr.Edge.Hardware";

    private readonly Counter<long> _tamper;
    private readonly Counter<long> _trigger;
    private readonly Counter<long> _limitChanges;
    private double _intensity;
    private double? _socCelsius;
    private double? _lux;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HardwareMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tamper = meter.CreateCounter<long>("alpr.hardware.tamper_events", "{event}", "Enclosure opened or closed (tag opened).");
        _trigger = meter.CreateCounter<long>("alpr.hardware.trigger_activations", "{vehicle}", "Vehicle trigger activations after debounce.");
        _limitChanges = meter.CreateCounter<long>("alpr.hardware.illuminator_limit_changes", "{change}", "Illuminator safety limit changes (tag state).");
        meter.CreateObservableGauge("alpr.hardware.illuminator_intensity", () => Volatile.Read(ref _intensity), "1", "Illuminator PWM duty cycle, 0 when off.");
        meter.CreateObservableGauge("alpr.hardware.soc_temperature", ObserveSoc, "Cel", "SoC temperature from the thermal zone.");
        meter.CreateObservableGauge("alpr.hardware.ambient_light", ObserveLux, "lx", "Ambient light from the light sensor.");
    }

    /// <summary>Records what the illuminator controller applied.</summary>
    public void IlluminatorApplied(double intensity, double? socCelsius, double? lux)
    {
        Volatile.Write(ref _intensity, intensity);
        lock (_tamper)
        {
            _socCelsius = socCelsius;
            _lux = lux;
        }
    }

    /// <summary>Counts a limit change.</summary>
    public void LimitChanged(IlluminatorLimitState state) => _limitChanges.Add(1, new KeyValuePair<string, object?>("state", state.ToString()));

    /// <summary>Counts a tamper change.</summary>
    public void Tamper(bool opened) => _tamper.Add(1, new KeyValuePair<string, object?>("opened", opened));

    /// <summary>Counts a trigger activation.</summary>
    public void TriggerActivated() => _trigger.Add(1);

    private IEnumerable<Measurement<double>> ObserveSoc()
    {
        lock (_tamper)
        {
            return _socCelsius is { } c ? [new Measurement<double>(c)] : [];
        }
    }

    private IEnumerable<Measurement<double>> ObserveLux()
    {
        lock (_tamper)
        {
            return _lux is { } l ? [new Measurement<double>(l)] : [];
        }
    }
}
