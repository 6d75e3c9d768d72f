using System.Device.Gpio;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.PinMaps;

namespace Alpr.Edge.Hardware.SelfTest;

/// <summary>
/// The hardware part of <c>alpr-edge selftest</c>: pin map valid, illuminator enable/PWM/IR-cut/status LED toggle, light sensor
/// answers, SoC temperature readable, inputs read (enclosure closed, illuminator not over temperature). Each check says what it
/// saw and, on failure, the fix. Run it while the firmware service is stopped: it opens the pins itself.
/// </summary>
public sealed class HardwareSelfTest
{
    private readonly HardwareOptions _options;
    private readonly Func<PinMap, PoleDevices> _openDevices;

    /// <summary>Creates the self-test; <paramref name="openDevices"/> opens real or simulated devices for the loaded map.</summary>
    public HardwareSelfTest(HardwareOptions options, Func<PinMap, PoleDevices> openDevices)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openDevices);
        _options = options;
        _openDevices = openDevices;
    }

    /// <summary>Against the real devices.</summary>
    public static HardwareSelfTest ForRealHardware(HardwareOptions options) => new(options, map => PoleDeviceFactory.OpenReal(options, map));

    /// <summary>Against a fresh <see cref="SimulatedPole"/>; <paramref name="arrange"/> may break parts of it first.</summary>
    public static HardwareSelfTest ForSimulator(HardwareOptions options, TimeProvider timeProvider, Action<SimulatedPole>? arrange = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options, map =>
        {
            var pole = new SimulatedPole(map, timeProvider, options.DayNight.LightSensorAddress);
            arrange?.Invoke(pole);
            return PoleDeviceFactory.OpenSimulated(options, pole);
        });
    }

    /// <summary>Runs every hardware check.</summary>
    public IReadOnlyList<SelfTestCheck> Run(CancellationToken cancellationToken)
    {
        var checks = new List<SelfTestCheck>();
        var options = new HardwareOptionsValidator().Validate(null, _options);
        PinMap map;
        try
        {
            map = PinMapLoader.Load(_options.ResolvePinMapPath());
        }
        catch (PinMapException ex)
        {
            checks.Add(SelfTestCheck.Fail("pin map", ex.Message, "point Hardware:PinMapPath at a file in hardware/pinouts (or fix the file named above)"));
            return checks;
        }

        checks.Add(options.Succeeded
            ? SelfTestCheck.Pass("pin map", $"{map.Source}: {map.Board}, {map.Pins.Count} roles, valid for this configuration")
            : SelfTestCheck.Fail("pin map", string.Join("; ", options.Failures ?? []), "fix each item above in the pin map or the Hardware section of the configuration"));
        if (!BoardProfiles.TryGet(map.Board, out var board))
        {
            return checks;
        }

        PoleDevices devices;
        try
        {
            devices = _openDevices(map);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            checks.Add(SelfTestCheck.Fail("gpio chip", ex.Message, $"check {board.GpioChipHint}"));
            return checks;
        }

        using (devices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            checks.Add(ToggleOutput(devices.Gpio, map, PinRole.IlluminatorEnable, "illuminator enable", required: true));
            if (_options.Illuminator.UsePwm)
            {
                checks.Add(CheckPwm(devices, map, board));
            }

            if (_options.Illuminator.UseIrCut)
            {
                checks.Add(ToggleOutput(devices.Gpio, map, PinRole.IrCut, "ir-cut filter", required: true, endHigh: true));
            }

            checks.Add(ToggleOutput(devices.Gpio, map, PinRole.StatusLed, "status led", required: true));
            cancellationToken.ThrowIfCancellationRequested();
            checks.Add(CheckLightSensor(devices, map));
            checks.Add(CheckThermal(devices));
            checks.Add(ReadInput(devices.Gpio, map, PinRole.Tamper, "tamper switch", activeIsFault: true,
                "the enclosure reads open: close the lid, or check the switch closes to GND on header pin {0}"));
            if (_options.Inputs.TriggerEnabled)
            {
                checks.Add(ReadInput(devices.Gpio, map, PinRole.Trigger, "vehicle trigger", activeIsFault: false, string.Empty));
            }

            if (_options.Illuminator.UseOverTemperatureInput)
            {
                checks.Add(ReadInput(devices.Gpio, map, PinRole.OverTemperature, "over-temperature input", activeIsFault: true,
                    "the illuminator's thermal contact reads hot: let it cool, or check the contact wiring on header pin {0}"));
            }

            if (_options.Illuminator.Strobe)
            {
                checks.Add(ReadInput(devices.Gpio, map, PinRole.StrobeSync, "strobe sync input", activeIsFault: false, string.Empty));
            }
        }

        return checks;
    }

    private static SelfTestCheck ToggleOutput(GpioController gpio, PinMap map, PinRole role, string name, bool required, bool endHigh = false)
    {
        if (!map.TryGet(role, out var pin))
        {
            return required
                ? SelfTestCheck.Fail(name, $"no {PinMapValidator.Name(role)} pin in {map.Source}", $"add a {PinMapValidator.Name(role)} entry to the pin map")
                : SelfTestCheck.Pass(name, "not fitted");
        }

        var where = $"header pin {pin.HeaderPin} (GPIO {pin.Gpio})";
        try
        {
            PinAccess.OpenOutput(gpio, pin, PinValue.Low);
            gpio.Write(pin.Gpio, PinValue.High);
            var high = gpio.Read(pin.Gpio);
            gpio.Write(pin.Gpio, PinValue.Low);
            var low = gpio.Read(pin.Gpio);
            if (endHigh)
            {
                gpio.Write(pin.Gpio, PinValue.High);
            }

            return high == PinValue.High && low == PinValue.Low
                ? SelfTestCheck.Pass(name, $"{where} switched high and low")
                : SelfTestCheck.Fail(name, $"{where} read {high}/{low} after writing high/low", "the line does not follow: check for a short or another driver on the pin");
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return SelfTestCheck.Fail(name, $"{where}: {ex.Message}", "stop the alpr-edge service (and anything else using the pin, see gpioinfo) before the self-test");
        }
        finally
        {
            if (!endHigh && gpio.IsPinOpen(pin.Gpio))
            {
                gpio.Write(pin.Gpio, PinValue.Low);
            }

            PinAccess.Close(gpio, pin);
        }
    }

    private SelfTestCheck CheckPwm(PoleDevices devices, PinMap map, BoardProfile board)
    {
        map.TryGet(PinRole.IlluminatorPwm, out var pin);
        var where = pin is null ? "illuminator-pwm" : $"header pin {pin.HeaderPin}, pwmchip{pin.PwmChip} channel {pin.PwmChannel}";
        try
        {
            if (!devices.TryGetIlluminatorPwm(out var pwm))
            {
                return SelfTestCheck.Fail("illuminator pwm", "Hardware:Illuminator:UsePwm is on but the pin map has no illuminator-pwm", "add illuminator-pwm to the pin map or set Hardware:Illuminator:UsePwm=false");
            }

            pwm.Frequency = _options.Illuminator.PwmFrequencyHz;
            pwm.DutyCycle = 0.1;
            pwm.Start();
            pwm.DutyCycle = 0;
            pwm.Stop();
            return SelfTestCheck.Pass("illuminator pwm", $"{where} ran at {_options.Illuminator.PwmFrequencyHz} Hz, 10 % then 0 %");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return SelfTestCheck.Fail("illuminator pwm", $"{where}: {ex.Message}", board.PwmHint);
        }
    }

    private SelfTestCheck CheckLightSensor(PoleDevices devices, PinMap map)
    {
        if (devices.LightSensor is not { } sensor)
        {
            return _options.DayNight.Source == DayNightSource.LightSensor
                ? SelfTestCheck.Fail("light sensor", "Hardware:DayNight:Source is LightSensor but the pin map has no i2c bus", "add \"i2c\" to the pin map")
                : SelfTestCheck.Pass("light sensor", "not used (day/night from sun times)");
        }

        return sensor.TryReadIlluminance(out var lux)
            ? SelfTestCheck.Pass("light sensor", $"{sensor.Description}: {lux.Lux:F1} lx")
            : SelfTestCheck.Fail("light sensor", $"{sensor.Description} does not answer",
                $"check the sensor's SDA on header pin {map.I2c?.SdaHeaderPin}, SCL on pin {map.I2c?.SclHeaderPin}, 3V3 and GND; 'i2cdetect -y {map.I2c?.Bus}' should list {_options.DayNight.LightSensorAddress:x2}");
    }

    private SelfTestCheck CheckThermal(PoleDevices devices)
    {
        if (!devices.Thermal.TryReadTemperature(out var temperature))
        {
            return SelfTestCheck.Fail("soc temperature", $"{devices.Thermal.Description} cannot be read", "set Hardware:Illuminator:ThermalZonePath to a readable /sys/class/thermal/thermal_zoneN/temp");
        }

        var celsius = temperature.DegreesCelsius;
        return celsius >= _options.Illuminator.CutOffAtCelsius
            ? SelfTestCheck.Fail("soc temperature", $"{celsius:F1} °C, at or past the illuminator cut-off ({_options.Illuminator.CutOffAtCelsius} °C)", "improve the enclosure's cooling (fan, heatsink, sun shield) before leaving the pole")
            : SelfTestCheck.Pass("soc temperature", $"{celsius:F1} °C from {devices.Thermal.Description}");
    }

    private static SelfTestCheck ReadInput(GpioController gpio, PinMap map, PinRole role, string name, bool activeIsFault, string faultFix)
    {
        if (!map.TryGet(role, out var pin))
        {
            return SelfTestCheck.Fail(name, $"no {PinMapValidator.Name(role)} pin in {map.Source}", $"add a {PinMapValidator.Name(role)} entry to the pin map");
        }

        var where = $"header pin {pin.HeaderPin} (GPIO {pin.Gpio})";
        try
        {
            PinAccess.OpenInput(gpio, pin);
            var active = PinAccess.ReadActive(gpio, pin);
            return active && activeIsFault
                ? SelfTestCheck.Fail(name, $"{where} reads active", string.Format(System.Globalization.CultureInfo.InvariantCulture, faultFix, pin.HeaderPin))
                : SelfTestCheck.Pass(name, $"{where} reads {(active ? "active" : "idle")}");
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return SelfTestCheck.Fail(name, $"{where}: {ex.Message}", "stop the alpr-edge service (and anything else using the pin, see gpioinfo) before the self-test");
        }
        finally
        {
            PinAccess.Close(gpio, pin);
        }
    }
}
