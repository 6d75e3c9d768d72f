namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>
/// Checks a pin map against the board's capabilities and the configuration. Each problem names the role, the header pin
/// and GPIO, and the fix, so a field tech can correct the file without reading code.
/// </summary>
public static class PinMapValidator
{
    private static readonly HashSet<PinRole> Outputs = [PinRole.IlluminatorEnable, PinRole.IrCut, PinRole.StatusLed];

    /// <summary>Returns the problems; an empty list means the map is usable.</summary>
    public static IReadOnlyList<string> Validate(PinMap map, PinMapRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(requirements);
        var problems = new List<string>();
        if (!BoardProfiles.TryGet(map.Board, out var board))
        {
            problems.Add($"board '{map.Board}' is not supported; set \"board\" to one of {string.Join(", ", BoardProfiles.All.Select(b => b.Id))}");
            return problems;
        }

        if (map.GpioChip < 0)
        {
            problems.Add($"gpioChip {map.GpioChip} is negative; set it to the /dev/gpiochipN number ({board.GpioChipHint})");
        }

        var used = UsedHeaderPins(map);
        foreach (var pin in map.Pins)
        {
            CheckPin(board, pin, problems);
        }

        foreach (var group in map.Pins.GroupBy(p => p.Role).Where(g => g.Count() > 1))
        {
            problems.Add($"role {Name(group.Key)} is assigned {group.Count()} times (header pins {string.Join(", ", group.Select(p => p.HeaderPin))}); keep one entry");
        }

        foreach (var group in map.Pins.GroupBy(p => p.HeaderPin).Where(g => g.Count() > 1))
        {
            problems.Add($"header pin {group.Key} carries {string.Join(" and ", group.Select(p => Name(p.Role)))}; one pin takes one role, move all but one to free pins ({FreePins(board, used)})");
        }

        CheckI2c(board, map, requirements, problems);
        var required = PinMapRequirements.Always.Select(r => (Role: r, Because: "every pole needs it"))
            .Concat(requirements.ConfiguredRoles.Select(kv => (Role: kv.Key, Because: $"{kv.Value} needs it")));
        foreach (var (role, because) in required)
        {
            if (!map.TryGet(role, out _))
            {
                problems.Add($"role {Name(role)} has no pin ({because}); add {{ \"role\": \"{Name(role)}\", \"headerPin\": N, \"gpio\": LINE }} with a free pin ({FreePins(board, used)}){(role == PinRole.IlluminatorPwm ? $" that can do PWM ({PwmPins(board)})" : string.Empty)}");
            }
        }

        return problems;
    }

    /// <summary>Validates and throws <see cref="PinMapException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(PinMap map, PinMapRequirements requirements)
    {
        var problems = Validate(map, requirements);
        if (problems.Count > 0)
        {
            throw new PinMapException(map.Source, problems);
        }
    }

    /// <summary>The kebab-case name of a role as written in the files.</summary>
    public static string Name(PinRole role) => role switch
    {
        PinRole.IlluminatorEnable => "illuminator-enable",
        PinRole.IlluminatorPwm => "illuminator-pwm",
        PinRole.IrCut => "ir-cut",
        PinRole.Trigger => "trigger",
        PinRole.Tamper => "tamper",
        PinRole.StatusLed => "status-led",
        PinRole.OverTemperature => "over-temperature",
        PinRole.StrobeSync => "strobe-sync",
        _ => role.ToString(),
    };

    /// <summary>Whether the role drives its pin (as opposed to reading it).</summary>
    public static bool IsOutput(PinRole role) => Outputs.Contains(role) || role == PinRole.IlluminatorPwm;

    private static void CheckPin(BoardProfile board, PinAssignment pin, List<string> problems)
    {
        var what = $"role {Name(pin.Role)} on header pin {pin.HeaderPin}";
        if (board.PowerHeaderPins.TryGetValue(pin.HeaderPin, out var power))
        {
            problems.Add($"{what}: that pin is {power} on the {board.Name}, not a GPIO; move the role to a GPIO pin");
            return;
        }

        if (!board.GpioLineByHeaderPin.TryGetValue(pin.HeaderPin, out var line))
        {
            problems.Add($"{what}: the {board.Name} header has no GPIO on pin {pin.HeaderPin}; use a pin from 1..40 that is a GPIO");
            return;
        }

        if (board.ReservedHeaderPins.TryGetValue(pin.HeaderPin, out var reserved))
        {
            problems.Add($"{what}: that pin is reserved for {reserved}; move the role to another pin");
        }

        if (pin.Gpio != line)
        {
            problems.Add($"{what}: header pin {pin.HeaderPin} is GPIO line {line} on the {board.Name}, the file says {pin.Gpio}; set \"gpio\": {line} or fix \"headerPin\"");
        }

        if (pin.Role == PinRole.IlluminatorPwm)
        {
            if (!board.PwmChannelByHeaderPin.TryGetValue(pin.HeaderPin, out var channel))
            {
                problems.Add($"{what} (GPIO {pin.Gpio}): that pin cannot do hardware PWM on the {board.Name}; move it to one of header pins {PwmPins(board)}");
            }
            else if (pin.PwmChannel != channel)
            {
                problems.Add($"{what}: header pin {pin.HeaderPin} is PWM channel {channel}, the file says {pin.PwmChannel?.ToString() ?? "nothing"}; set \"pwmChannel\": {channel} ({board.PwmHint})");
            }

            if (pin.PwmChip is null or < 0)
            {
                problems.Add($"{what}: \"pwmChip\" is missing; set it to the /sys/class/pwm/pwmchipN number ({board.PwmHint})");
            }
        }
        else if (pin.PwmChip is not null || pin.PwmChannel is not null)
        {
            problems.Add($"{what}: \"pwmChip\"/\"pwmChannel\" only apply to illuminator-pwm; remove them");
        }

        if (IsOutput(pin.Role) && pin.ActiveLow)
        {
            problems.Add($"{what}: outputs are active-high (low = off is the fail-safe level); remove \"activeLow\" and wire the driver so high means on");
        }

        if (pin.Role == PinRole.IlluminatorEnable && pin.Pull != PinPull.Down)
        {
            problems.Add($"{what}: the illuminator enable must rest low while the firmware is not running; set \"pull\": \"down\" and fit an external 10 kΩ pull-down on the driver input");
        }
    }

    private static void CheckI2c(BoardProfile board, PinMap map, PinMapRequirements requirements, List<string> problems)
    {
        if (map.I2c is not { } i2c)
        {
            if (requirements.I2cRequiredBy is { } because)
            {
                problems.Add($"no \"i2c\" bus for the light sensor ({because} needs it); add \"i2c\": {{ \"bus\": {board.I2cBuses[0].Bus}, \"sdaHeaderPin\": {board.I2cBuses[0].SdaHeaderPin}, \"sclHeaderPin\": {board.I2cBuses[0].SclHeaderPin} }}");
            }

            return;
        }

        var known = board.I2cBuses.FirstOrDefault(b => b.Bus == i2c.Bus);
        if (known is null)
        {
            problems.Add($"i2c bus {i2c.Bus} is not on the {board.Name} header; use {string.Join(" or ", board.I2cBuses.Select(b => $"bus {b.Bus} (SDA pin {b.SdaHeaderPin}, SCL pin {b.SclHeaderPin})"))}");
            return;
        }

        if (known.SdaHeaderPin != i2c.SdaHeaderPin || known.SclHeaderPin != i2c.SclHeaderPin)
        {
            problems.Add($"i2c bus {i2c.Bus} is SDA pin {known.SdaHeaderPin}, SCL pin {known.SclHeaderPin} on the {board.Name}, the file says SDA {i2c.SdaHeaderPin}, SCL {i2c.SclHeaderPin}; fix \"sdaHeaderPin\"/\"sclHeaderPin\"");
        }

        foreach (var pin in map.Pins.Where(p => p.HeaderPin == known.SdaHeaderPin || p.HeaderPin == known.SclHeaderPin))
        {
            problems.Add($"role {Name(pin.Role)} on header pin {pin.HeaderPin} collides with i2c bus {i2c.Bus}; move the role to a free pin");
        }
    }

    private static HashSet<int> UsedHeaderPins(PinMap map)
    {
        var used = map.Pins.Select(p => p.HeaderPin).ToHashSet();
        if (map.I2c is { } i2c)
        {
            used.Add(i2c.SdaHeaderPin);
            used.Add(i2c.SclHeaderPin);
        }

        return used;
    }

    private static string FreePins(BoardProfile board, HashSet<int> used)
    {
        var free = board.GpioLineByHeaderPin.Keys
            .Where(p => !used.Contains(p) && !board.ReservedHeaderPins.ContainsKey(p) && !board.I2cBuses.Any(b => b.SdaHeaderPin == p || b.SclHeaderPin == p))
            .Order()
            .ToList();
        return free.Count == 0 ? "none left" : $"free: {string.Join(", ", free)}";
    }

    private static string PwmPins(BoardProfile board) => string.Join(", ", board.PwmChannelByHeaderPin.Keys.Order());
}
