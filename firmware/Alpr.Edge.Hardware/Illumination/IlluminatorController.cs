using System.Device.Gpio;
using System.Device.Pwm;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnitsNet;

namespace Alpr.Edge.Hardware.Illumination;

/// <summary>
/// Drives the IR illuminator and the IR-cut filter: decides day or night (light sensor with hysteresis, or sun times), applies
/// the safety limits (SoC temperature, over-temperature contact, duty cycle) and sets enable, PWM duty and filter. With strobe
/// configured the enable line follows the camera's exposure line at night. The illuminator ends off on stop, after a failed
/// step and on an unhandled exception; see docs/hardware.md for what keeps it off when the process is gone.
/// </summary>
public sealed class IlluminatorController : PeriodicHardwareService
{
    private readonly PoleDevices _devices;
    private readonly PinMap _map;
    private readonly HardwareOptions _options;
    private readonly PoleHardwareEvents _events;
    private readonly HardwareMetrics _metrics;
    private readonly ILogger<IlluminatorController> _logger;
    private readonly IlluminatorSafety _safety;
    private readonly PinAssignment _enable;
    private DayNightHysteresis? _hysteresis;
    private PwmChannel? _pwm;
    private LightPeriod _period = LightPeriod.Day;
    private IlluminatorLimitState _lastLimit = IlluminatorLimitState.Normal;
    private bool _sensorLost;
    private bool _periodKnown;
    private bool _thermalLost;
    private volatile bool _strobeArmed;

    /// <summary>Creates the controller.</summary>
    public IlluminatorController(PoleDevices devices, PinMap map, IOptions<HardwareOptions> options, PoleHardwareEvents events, HardwareMetrics metrics, TimeProvider timeProvider, ILogger<IlluminatorController> logger)
        : base(timeProvider, (options ?? throw new ArgumentNullException(nameof(options))).Value.Illuminator.EvaluationInterval)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _metrics = metrics;
        _devices = devices;
        _map = map;
        _options = options.Value;
        _events = events;
        _logger = logger;
        var o = _options.Illuminator;
        _safety = new IlluminatorSafety(new IlluminatorSafetyLimits
        {
            DerateAt = Temperature.FromDegreesCelsius(o.DerateAtCelsius),
            CutOffAt = Temperature.FromDegreesCelsius(o.CutOffAtCelsius),
            RecoveryHysteresis = TemperatureDelta.FromDegreesCelsius(o.RecoveryHysteresisCelsius),
            DeratedIntensity = o.DeratedIntensity,
            DutyWindow = o.DutyWindow,
            MaxOnFraction = o.MaxOnFraction,
            RestPeriod = o.RestPeriod,
        });
        if (!map.TryGet(PinRole.IlluminatorEnable, out _enable))
        {
            throw new PinMapException($"Pin map {map.Source} has no illuminator-enable pin; add one (see docs/hardware.md).");
        }

        State = new IlluminatorState(timeProvider.GetUtcNow(), LightPeriod.Day, false, 0, new IlluminatorLimit(IlluminatorLimitState.Normal, 1, "not started"), null, null);
    }

    /// <summary>The last decision.</summary>
    public IlluminatorState State { get; private set; }

    /// <summary>Switches the illuminator off now, whatever the state; never throws.</summary>
    public void ForceOff()
    {
        _strobeArmed = false;
        _metrics.IlluminatorApplied(0, State.SocTemperature?.DegreesCelsius, State.Light?.Lux);
        try
        {
            if (_devices.Gpio.IsPinOpen(_enable.Gpio))
            {
                _devices.Gpio.Write(_enable.Gpio, PinValue.Low);
            }
        }
        catch (Exception ex)
        {
            HardwareLog.ForceOffFailed(_logger, ex);
        }

        try
        {
            if (_pwm is not null)
            {
                _pwm.DutyCycle = 0;
                _pwm.Stop();
            }
        }
        catch (Exception ex)
        {
            HardwareLog.ForceOffFailed(_logger, ex);
        }
    }

    /// <inheritdoc />
    protected override void Open()
    {
        var gpio = _devices.Gpio;
        PinAccess.OpenOutput(gpio, _enable, PinValue.Low);
        if (_options.Illuminator.UseIrCut && _map.TryGet(PinRole.IrCut, out var irCut))
        {
            PinAccess.OpenOutput(gpio, irCut, PinValue.High);
        }

        if (_options.Illuminator.UseOverTemperatureInput && _map.TryGet(PinRole.OverTemperature, out var overTemperature))
        {
            PinAccess.OpenInput(gpio, overTemperature);
        }

        if (_options.Illuminator.Strobe && _map.TryGet(PinRole.StrobeSync, out var sync))
        {
            PinAccess.OpenInput(gpio, sync);
            gpio.RegisterCallbackForPinValueChangedEvent(sync.Gpio, PinEventTypes.Rising | PinEventTypes.Falling, OnStrobeEdge);
        }

        if (_options.Illuminator.UsePwm)
        {
            _pwm = StartPwm();
        }

        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    private PwmChannel? StartPwm()
    {
        _map.TryGet(PinRole.IlluminatorPwm, out var pin);
        try
        {
            if (!_devices.TryGetIlluminatorPwm(out var pwm))
            {
                return null;
            }

            pwm.Frequency = _options.Illuminator.PwmFrequencyHz;
            pwm.DutyCycle = 0;
            pwm.Start();
            return pwm;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            var board = BoardProfiles.TryGet(_map.Board, out var profile) ? profile.PwmHint : "enable the board's PWM overlay";
            throw new IOException(
                $"Cannot drive illuminator-pwm on header pin {pin?.HeaderPin} (pwmchip{pin?.PwmChip} channel {pin?.PwmChannel}): {ex.Message} Fix: {board}; or set Hardware:Illuminator:UsePwm=false to only switch the illuminator.",
                ex);
        }
    }

    /// <inheritdoc />
    protected override void Tick()
    {
        var now = Time.GetUtcNow();
        var light = DecidePeriod(now);
        Temperature? soc = _devices.Thermal.TryReadTemperature(out var t) ? t : null;
        if (soc is null != _thermalLost)
        {
            _thermalLost = soc is null;
            if (_thermalLost)
            {
                HardwareLog.ThermalUnreadable(_logger, _devices.Thermal.Description);
            }
        }

        var overTemperature = _options.Illuminator.UseOverTemperatureInput
            && _map.TryGet(PinRole.OverTemperature, out var contact)
            && PinAccess.ReadActive(_devices.Gpio, contact);
        var limit = _safety.Evaluate(now, soc, overTemperature);
        if (limit.State != _lastLimit)
        {
            _lastLimit = limit.State;
            HardwareLog.LimitChanged(_logger, limit.State, limit.Reason);
            _metrics.LimitChanged(limit.State);
            _events.Publish(new IlluminatorLimitChangedEvent(now, limit));
        }

        var lit = _period == LightPeriod.Night && limit.AllowsLight;
        var intensity = lit ? Math.Min(_options.Illuminator.Intensity, limit.MaxIntensity) : 0;
        Apply(lit, intensity);
        _safety.RecordOutput(now, lit);
        _metrics.IlluminatorApplied(intensity, soc?.DegreesCelsius, light?.Lux);
        State = new IlluminatorState(now, _period, lit, intensity, limit, light, soc);
    }

    /// <inheritdoc />
    protected override void TickFailed(Exception exception)
    {
        HardwareLog.EvaluationFailed(_logger, exception);
        ForceOff();
    }

    /// <inheritdoc />
    protected override void Stopped()
    {
        ForceOff();
        if (_options.Illuminator.Strobe && _map.TryGet(PinRole.StrobeSync, out var sync) && _devices.Gpio.IsPinOpen(sync.Gpio))
        {
            _devices.Gpio.UnregisterCallbackForPinValueChangedEvent(sync.Gpio, OnStrobeEdge);
        }

        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        base.Dispose(disposing);
    }

    private Illuminance? DecidePeriod(DateTimeOffset now)
    {
        var dayNight = _options.DayNight;
        Illuminance? light = null;
        LightPeriod decided;
        string reason;
        if (dayNight.Source == DayNightSource.LightSensor && _devices.LightSensor is { } sensor && sensor.TryReadIlluminance(out var lux))
        {
            light = lux;
            if (_sensorLost)
            {
                _sensorLost = false;
                HardwareLog.LightSensorBack(_logger, sensor.Description);
                _hysteresis = null;
            }

            _hysteresis ??= new DayNightHysteresis(
                Illuminance.FromLux(dayNight.NightBelowLux),
                Illuminance.FromLux(dayNight.DayAboveLux),
                dayNight.MinimumDwell,
                _periodKnown ? _period : (lux.Lux < dayNight.NightBelowLux ? LightPeriod.Night : LightPeriod.Day));
            _hysteresis.Update(lux, now);
            decided = _hysteresis.Period;
            reason = $"ambient light {lux.Lux:F1} lx (night below {dayNight.NightBelowLux} lx, day above {dayNight.DayAboveLux} lx)";
        }
        else if (dayNight.Latitude is { } lat && dayNight.Longitude is { } lon)
        {
            if (dayNight.Source == DayNightSource.LightSensor && !_sensorLost)
            {
                _sensorLost = true;
                HardwareLog.LightSensorLost(_logger, _devices.LightSensor?.Description ?? "(none)", "using sun times for the site");
            }

            decided = SolarCalculator.PeriodAt(now, lat, lon, dayNight.TwilightMargin);
            reason = $"sun times at {lat:F3}, {lon:F3} (margin {dayNight.TwilightMargin})";
        }
        else
        {
            if (!_sensorLost)
            {
                _sensorLost = true;
                HardwareLog.LightSensorLost(_logger, _devices.LightSensor?.Description ?? "(none)", $"keeping {_period} until it answers (set Hardware:DayNight:Latitude/Longitude for a fallback)");
            }

            return null;
        }

        var first = !_periodKnown;
        _periodKnown = true;
        if (decided != _period || (first && decided == LightPeriod.Night))
        {
            _period = decided;
            HardwareLog.DayNightChanged(_logger, decided, reason);
            _events.Publish(new DayNightChangedEvent(now, decided, reason));
        }

        return light;
    }

    private void Apply(bool lit, double intensity)
    {
        var gpio = _devices.Gpio;
        if (_options.Illuminator.UseIrCut && _map.TryGet(PinRole.IrCut, out var irCut))
        {
            gpio.Write(irCut.Gpio, _period == LightPeriod.Day ? PinValue.High : PinValue.Low);
        }

        if (_pwm is not null)
        {
            _pwm.DutyCycle = intensity;
        }

        if (_options.Illuminator.Strobe && _map.TryGet(PinRole.StrobeSync, out _))
        {
            _strobeArmed = lit;
            if (!lit)
            {
                gpio.Write(_enable.Gpio, PinValue.Low);
            }

            return;
        }

        gpio.Write(_enable.Gpio, lit ? PinValue.High : PinValue.Low);
    }

    private void OnStrobeEdge(object sender, PinValueChangedEventArgs args)
    {
        try
        {
            _devices.Gpio.Write(_enable.Gpio, _strobeArmed && args.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low);
        }
        catch (Exception ex)
        {
            HardwareLog.ForceOffFailed(_logger, ex);
        }
    }

    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs args)
    {
        HardwareLog.ForcedOffOnCrash(_logger);
        ForceOff();
    }
}
