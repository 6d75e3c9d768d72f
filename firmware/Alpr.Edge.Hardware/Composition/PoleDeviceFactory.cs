using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using System.Device.Pwm;
using Alpr.Edge.Hardware.Light;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Thermal;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>Opens the real devices: libgpiod on the pin map's chip, sysfs PWM, the BH1750 on <c>/dev/i2c-N</c>, the thermal zone file.</summary>
public static class PoleDeviceFactory
{
    /// <summary>Opens the devices the configuration uses; throws <see cref="InvalidOperationException"/> naming the chip and the fix.</summary>
    public static PoleDevices OpenReal(HardwareOptions options, PinMap map)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(map);
        GpioController gpio;
        try
        {
            gpio = new GpioController(new LibGpiodDriver(map.GpioChip));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                $"Cannot open /dev/gpiochip{map.GpioChip} for {map.Board}: {ex.Message} Install libgpiod (apt install libgpiod2), give the service user the gpio group, check \"gpioChip\" in {map.Source} with gpiodetect, or run with --simulate.",
                ex);
        }

        Func<PwmChannel>? pwm = null;
        if (options.Illuminator.UsePwm && map.TryGet(PinRole.IlluminatorPwm, out var pwmPin) && pwmPin.PwmChip is { } chip && pwmPin.PwmChannel is { } channel)
        {
            var frequency = options.Illuminator.PwmFrequencyHz;
            pwm = () => PwmChannel.Create(chip, channel, frequency, 0);
        }

        LightSensor? light = null;
        if (options.DayNight.Source == DayNightSource.LightSensor && map.I2c is { } i2c)
        {
            var settings = new I2cConnectionSettings(i2c.Bus, options.DayNight.LightSensorAddress);
            light = new Bh1750LightSensor(() => I2cDevice.Create(settings), $"BH1750 at 0x{settings.DeviceAddress:X2} on /dev/i2c-{settings.BusId}");
        }

        return new PoleDevices(gpio, pwm, light, new SysfsThermalZone(options.Illuminator.ThermalZonePath), isSimulated: false);
    }

    /// <summary>Devices over a fresh <see cref="SimulatedPole"/> for the configuration.</summary>
    public static PoleDevices OpenSimulated(HardwareOptions options, SimulatedPole pole)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pole);
        return pole.CreateDevices(options.Illuminator.UsePwm, options.DayNight.Source == DayNightSource.LightSensor);
    }
}
