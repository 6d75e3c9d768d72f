namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>
/// What a board's 40-pin header can do, kept in code (from the vendors' documentation) so a wrong data file is caught:
/// which header pins are GPIO lines and which line each is, which can do hardware PWM on which channel, where the I2C buses are.
/// </summary>
public sealed record BoardProfile
{
    /// <summary>Board id as used in pin maps and <c>Hardware:Board</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Human name.</summary>
    public required string Name { get; init; }

    /// <summary>How to find the GPIO chip (label shown by <c>gpiodetect</c>).</summary>
    public required string GpioChipHint { get; init; }

    /// <summary>How to enable hardware PWM on this board.</summary>
    public required string PwmHint { get; init; }

    /// <summary>GPIO line (chip offset) of each header pin that is a GPIO.</summary>
    public required IReadOnlyDictionary<int, int> GpioLineByHeaderPin { get; init; }

    /// <summary>PWM channel of each header pin that can do hardware PWM.</summary>
    public required IReadOnlyDictionary<int, int> PwmChannelByHeaderPin { get; init; }

    /// <summary>Header pins kept free, with the reason (HAT ID EEPROM, console UART).</summary>
    public required IReadOnlyDictionary<int, string> ReservedHeaderPins { get; init; }

    /// <summary>I2C buses on the header.</summary>
    public required IReadOnlyList<I2cBusPins> I2cBuses { get; init; }

    /// <summary>Power and ground header pins with their label (3V3, 5V, GND).</summary>
    public required IReadOnlyDictionary<int, string> PowerHeaderPins { get; init; }
}
