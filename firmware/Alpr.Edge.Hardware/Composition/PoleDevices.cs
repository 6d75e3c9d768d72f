using System.Device.Gpio;
using System.Device.Pwm;
using Alpr.Edge.Hardware.Light;
using Alpr.Edge.Hardware.Thermal;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>
/// The pole's device handles, real or simulated: the GPIO controller, the illuminator's PWM channel (opened on first use),
/// the light sensor and the SoC thermal zone. The hardware services take this through their constructor.
/// </summary>
public sealed class PoleDevices : IDisposable
{
    private readonly Func<PwmChannel>? _openIlluminatorPwm;
    private PwmChannel? _illuminatorPwm;

    /// <summary>Bundles the handles.</summary>
    /// <param name="gpio">The GPIO controller (over libgpiod or <see cref="Gpio.SimulatedGpioDriver"/>).</param>
    /// <param name="openIlluminatorPwm">Opens the illuminator's PWM channel; <see langword="null"/> when PWM is not used.</param>
    /// <param name="lightSensor">The ambient light sensor, when one is configured.</param>
    /// <param name="thermal">The SoC thermal zone.</param>
    /// <param name="isSimulated">Whether these are simulators.</param>
    public PoleDevices(GpioController gpio, Func<PwmChannel>? openIlluminatorPwm, LightSensor? lightSensor, ThermalZone thermal, bool isSimulated)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(thermal);
        Gpio = gpio;
        _openIlluminatorPwm = openIlluminatorPwm;
        LightSensor = lightSensor;
        Thermal = thermal;
        IsSimulated = isSimulated;
    }

    /// <summary>The GPIO controller; pin numbers are line offsets on the pin map's chip.</summary>
    public GpioController Gpio { get; }

    /// <summary>The ambient light sensor, when configured.</summary>
    public LightSensor? LightSensor { get; }

    /// <summary>The SoC thermal zone.</summary>
    public ThermalZone Thermal { get; }

    /// <summary>Whether the handles are simulators.</summary>
    public bool IsSimulated { get; }

    /// <summary>The illuminator's PWM channel, opened on first call; <see langword="false"/> when PWM is not configured.</summary>
    /// <exception cref="IOException">The channel could not be opened (overlay missing, no permission).</exception>
    public bool TryGetIlluminatorPwm(out PwmChannel channel)
    {
        if (_openIlluminatorPwm is null)
        {
            channel = null!;
            return false;
        }

        _illuminatorPwm ??= _openIlluminatorPwm();
        channel = _illuminatorPwm;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _illuminatorPwm?.Dispose();
        LightSensor?.Dispose();
        Gpio.Dispose();
    }
}
