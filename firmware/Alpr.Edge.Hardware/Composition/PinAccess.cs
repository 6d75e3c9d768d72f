using System.Device.Gpio;
using Alpr.Edge.Hardware.PinMaps;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>Opens pin-map roles on a <see cref="GpioController"/> with their mode, pull and safe initial level.</summary>
public static class PinAccess
{
    /// <summary>The input mode that matches the pin's pull.</summary>
    public static PinMode InputMode(PinAssignment pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return pin.Pull switch
        {
            PinPull.Up => PinMode.InputPullUp,
            PinPull.Down => PinMode.InputPullDown,
            _ => PinMode.Input,
        };
    }

    /// <summary>Opens an output at <paramref name="initial"/> (low unless said otherwise: the fail-safe level).</summary>
    /// <exception cref="IOException">The line is held by another process; the message names the role and header pin.</exception>
    public static void OpenOutput(GpioController gpio, PinAssignment pin, PinValue initial)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(pin);
        Open(gpio, pin, () => gpio.OpenPin(pin.Gpio, PinMode.Output, initial));
    }

    /// <summary>Opens an input with the pin's pull.</summary>
    /// <exception cref="IOException">The line is held by another process; the message names the role and header pin.</exception>
    public static void OpenInput(GpioController gpio, PinAssignment pin)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(pin);
        Open(gpio, pin, () =>
        {
            // Some GPIO chips (Tegra) do not take bias settings from Linux; the external resistor then sets the idle level.
            var mode = InputMode(pin);
            gpio.OpenPin(pin.Gpio, gpio.IsPinModeSupported(pin.Gpio, mode) ? mode : PinMode.Input);
        });
    }

    /// <summary>Whether an input's contact is active, honouring <see cref="PinAssignment.ActiveLow"/>.</summary>
    public static bool ReadActive(GpioController gpio, PinAssignment pin)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(pin);
        return (gpio.Read(pin.Gpio) == PinValue.High) != pin.ActiveLow;
    }

    /// <summary>Closes the pin if it is open.</summary>
    public static void Close(GpioController gpio, PinAssignment pin)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(pin);
        if (gpio.IsPinOpen(pin.Gpio))
        {
            gpio.ClosePin(pin.Gpio);
        }
    }

    private static void Open(GpioController gpio, PinAssignment pin, Action open)
    {
        if (gpio.IsPinOpen(pin.Gpio))
        {
            return;
        }

        try
        {
            open();
        }
        catch (IOException ex)
        {
            throw new IOException(
                $"Cannot open {PinMapValidator.Name(pin.Role)} on header pin {pin.HeaderPin} (GPIO {pin.Gpio}): {ex.Message} Another process holds the line: find it with 'gpioinfo' and stop it, or move the role to a free pin in the pin map.",
                ex);
        }
    }
}
