using System.Collections.Frozen;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>The boards the firmware supports.</summary>
public static class BoardProfiles
{
    /// <summary>Raspberry Pi 4 Model B (BCM2711).</summary>
    public static BoardProfile RaspberryPi4 { get; } = new()
    {
        Id = "rpi4",
        Name = "Raspberry Pi 4 Model B",
        GpioChipHint = "label pinctrl-bcm2711 in gpiodetect; line offset = BCM number",
        PwmHint = "add dtoverlay=pwm-2chan to /boot/firmware/config.txt: pwmchip0 channel 0 = GPIO18 (pin 12), channel 1 = GPIO19 (pin 35)",
        GpioLineByHeaderPin = RaspberryPiLines(),
        PwmChannelByHeaderPin = new Dictionary<int, int> { [12] = 0, [32] = 0, [33] = 1, [35] = 1 }.ToFrozenDictionary(),
        ReservedHeaderPins = RaspberryPiReserved(),
        I2cBuses = [new I2cBusPins(1, 3, 5)],
        PowerHeaderPins = FortyPinPower(),
    };

    /// <summary>Raspberry Pi 5 (RP1 I/O controller).</summary>
    public static BoardProfile RaspberryPi5 { get; } = new()
    {
        Id = "rpi5",
        Name = "Raspberry Pi 5",
        GpioChipHint = "the chip labelled pinctrl-rp1 in gpiodetect (gpiochip0 on kernel 6.6.45 and later, gpiochip4 before); line offset = BCM number",
        PwmHint = "add dtoverlay=pwm-2chan to /boot/firmware/config.txt; the RP1 PWM0 block is the pwmchip whose device is 1f00098000.pwm (ls -l /sys/class/pwm): channel 0 = GPIO12, 1 = GPIO13, 2 = GPIO18, 3 = GPIO19",
        GpioLineByHeaderPin = RaspberryPiLines(),
        PwmChannelByHeaderPin = new Dictionary<int, int> { [32] = 0, [33] = 1, [12] = 2, [35] = 3 }.ToFrozenDictionary(),
        ReservedHeaderPins = RaspberryPiReserved(),
        I2cBuses = [new I2cBusPins(1, 3, 5)],
        PowerHeaderPins = FortyPinPower(),
    };

    /// <summary>Jetson Orin Nano developer kit, 40-pin expansion header (lines on tegra234-gpio).</summary>
    public static BoardProfile JetsonOrinNano { get; } = new()
    {
        Id = "jetson-orin-nano",
        Name = "Jetson Orin Nano (40-pin header)",
        GpioChipHint = "the chip labelled tegra234-gpio in gpiodetect (gpiochip0 on JetPack 6); line offsets as in NVIDIA's pin tables",
        PwmHint = "enable the PWM function of the pin with sudo /opt/nvidia/jetson-io/jetson-io.py; pin 15 = 3280000.pwm, pin 32 = 32e0000.pwm, pin 33 = 32c0000.pwm, each channel 0 (find the pwmchip number with ls -l /sys/class/pwm)",
        GpioLineByHeaderPin = new Dictionary<int, int>
        {
            [7] = 144, [11] = 112, [12] = 50, [13] = 122, [15] = 85, [16] = 126, [18] = 125, [19] = 135, [21] = 134, [22] = 123,
            [23] = 133, [24] = 136, [26] = 137, [29] = 105, [31] = 106, [32] = 41, [33] = 43, [35] = 53, [36] = 113, [37] = 124,
            [38] = 52, [40] = 51,
        }.ToFrozenDictionary(),
        PwmChannelByHeaderPin = new Dictionary<int, int> { [15] = 0, [32] = 0, [33] = 0 }.ToFrozenDictionary(),
        ReservedHeaderPins = new Dictionary<int, string>
        {
            [8] = "UART1 TXD (serial console)",
            [10] = "UART1 RXD (serial console)",
        }.ToFrozenDictionary(),
        I2cBuses = [new I2cBusPins(7, 3, 5), new I2cBusPins(1, 27, 28)],
        PowerHeaderPins = FortyPinPower(),
    };

    /// <summary>All supported boards.</summary>
    public static IReadOnlyList<BoardProfile> All { get; } = [RaspberryPi4, RaspberryPi5, JetsonOrinNano];

    /// <summary>Finds a board by id.</summary>
    public static bool TryGet(string id, out BoardProfile profile)
    {
        profile = All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase))!;
        return profile is not null;
    }

    private static FrozenDictionary<int, int> RaspberryPiLines() => new Dictionary<int, int>
    {
        [3] = 2, [5] = 3, [7] = 4, [8] = 14, [10] = 15, [11] = 17, [12] = 18, [13] = 27, [15] = 22, [16] = 23, [18] = 24,
        [19] = 10, [21] = 9, [22] = 25, [23] = 11, [24] = 8, [26] = 7, [27] = 0, [28] = 1, [29] = 5, [31] = 6, [32] = 12,
        [33] = 13, [35] = 19, [36] = 16, [37] = 26, [38] = 20, [40] = 21,
    }.ToFrozenDictionary();

    private static FrozenDictionary<int, string> RaspberryPiReserved() => new Dictionary<int, string>
    {
        [27] = "ID_SD (HAT ID EEPROM)",
        [28] = "ID_SC (HAT ID EEPROM)",
    }.ToFrozenDictionary();

    private static FrozenDictionary<int, string> FortyPinPower() => new Dictionary<int, string>
    {
        [1] = "3V3", [17] = "3V3", [2] = "5V", [4] = "5V",
        [6] = "GND", [9] = "GND", [14] = "GND", [20] = "GND", [25] = "GND", [30] = "GND", [34] = "GND", [39] = "GND",
    }.ToFrozenDictionary();
}
