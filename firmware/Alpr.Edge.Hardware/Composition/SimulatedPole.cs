using System.Device.Gpio;
using System.Device.I2c;
using Alpr.Edge.Hardware.Gpio;
using Alpr.Edge.Hardware.Light;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Pwm;
using Alpr.Edge.Hardware.Rules;
using Alpr.Edge.Hardware.Thermal;
using UnitsNet;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>
/// A whole pole in simulation, wired per a pin map: GPIO chip, PWM channel, BH1750 on its bus and SoC thermal zone, with
/// helpers that act like the outside world (open the enclosure, a car on the loop, the illuminator overheating).
/// Registered as a singleton in simulation mode so the demo and the tests can drive it.
/// </summary>
public sealed class SimulatedPole
{
    /// <summary>Builds the simulators: daylight (300 lx), 50 °C, enclosure closed, no vehicle.</summary>
    public SimulatedPole(PinMap map, TimeProvider timeProvider, int lightSensorAddress = SimulatedBh1750.DefaultAddress)
    {
        ArgumentNullException.ThrowIfNull(map);
        Map = map;
        Gpio = new SimulatedGpioDriver();
        map.TryGet(PinRole.IlluminatorPwm, out var pwm);
        IlluminatorPwm = new SimulatedPwmChannel(pwm?.PwmChip ?? 0, pwm?.PwmChannel ?? 0);
        LightSensor = new SimulatedBh1750(new I2cConnectionSettings(map.I2c?.Bus ?? 1, lightSensorAddress));
        Thermal = new SimulatedThermalZone(timeProvider, Temperature.FromDegreesCelsius(50));
        SetTamperOpen(false);
        SetTrigger(false);
        SetOverTemperature(false);
    }

    /// <summary>The pin map the simulators are wired by.</summary>
    public PinMap Map { get; }

    /// <summary>The GPIO chip.</summary>
    public SimulatedGpioDriver Gpio { get; }

    /// <summary>The illuminator's PWM channel.</summary>
    public SimulatedPwmChannel IlluminatorPwm { get; }

    /// <summary>The ambient light sensor.</summary>
    public SimulatedBh1750 LightSensor { get; }

    /// <summary>The SoC thermal zone.</summary>
    public SimulatedThermalZone Thermal { get; }

    /// <summary>Whether the illuminator's enable line is high.</summary>
    public bool IlluminatorLit => Output(PinRole.IlluminatorEnable);

    /// <summary>Whether the IR-cut filter is in (day).</summary>
    public bool IrCutFilterIn => Output(PinRole.IrCut);

    /// <summary>Whether the status LED is lit.</summary>
    public bool StatusLedLit => Output(PinRole.StatusLed);

    /// <summary>
    /// Makes the light sensor follow the sun at the given site on <paramref name="timeProvider"/>: 20 000 lx by day, 1 lx by
    /// night, 30 lx within <paramref name="twilight"/> of sunrise and sunset (so the demo crosses both thresholds).
    /// </summary>
    public void FollowSun(TimeProvider timeProvider, double latitude, double longitude, TimeSpan twilight)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        LightSensor.LuxSource = () =>
        {
            var now = timeProvider.GetUtcNow();
            if (SolarCalculator.PeriodAt(now, latitude, longitude, twilight) == LightPeriod.Day)
            {
                return 20_000;
            }

            return SolarCalculator.PeriodAt(now, latitude, longitude, TimeSpan.Zero) == LightPeriod.Day ? 30 : 1;
        };
    }

    /// <summary>Opens or closes the enclosure.</summary>
    public void SetTamperOpen(bool open) => SetContact(PinRole.Tamper, open);

    /// <summary>A vehicle arrives at (true) or leaves (false) the trigger.</summary>
    public void SetTrigger(bool active) => SetContact(PinRole.Trigger, active);

    /// <summary>The illuminator's thermal contact trips or clears.</summary>
    public void SetOverTemperature(bool active) => SetContact(PinRole.OverTemperature, active);

    /// <summary>The camera's exposure line goes high (true) or low.</summary>
    public void SetStrobeSync(bool exposing) => SetContact(PinRole.StrobeSync, exposing);

    /// <summary>A contact that bounces <paramref name="flips"/> times before settling at <paramref name="active"/>.</summary>
    public void BounceContact(PinRole role, bool active, int flips)
    {
        if (Map.TryGet(role, out var pin))
        {
            Gpio.Bounce(pin.Gpio, LevelFor(pin, active), flips);
        }
    }

    /// <summary>Sets a contact input to the level that means <paramref name="active"/>; does nothing when the map lacks the role.</summary>
    public void SetContact(PinRole role, bool active)
    {
        if (Map.TryGet(role, out var pin))
        {
            Gpio.SetInput(pin.Gpio, LevelFor(pin, active));
        }
    }

    /// <summary>Device handles over these simulators, for the hardware services.</summary>
    public PoleDevices CreateDevices(bool withPwm, bool withLightSensor) => new(
        new GpioController(Gpio),
        withPwm ? () => IlluminatorPwm : null,
        withLightSensor ? new Bh1750LightSensor(() => LightSensor, $"simulated BH1750 at 0x{LightSensor.ConnectionSettings.DeviceAddress:X2} on i2c-{LightSensor.ConnectionSettings.BusId}") : null,
        Thermal,
        isSimulated: true);

    private static PinValue LevelFor(PinAssignment pin, bool active) => active != pin.ActiveLow ? PinValue.High : PinValue.Low;

    private bool Output(PinRole role) => Map.TryGet(role, out var pin) && Gpio.LevelOf(pin.Gpio) == PinValue.High;
}
