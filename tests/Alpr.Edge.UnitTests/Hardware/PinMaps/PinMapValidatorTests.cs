using Alpr.Edge.Hardware.PinMaps;

namespace Alpr.Edge.UnitTests.Hardware.PinMaps;

public sealed class PinMapValidatorTests
{
    private static PinMap Map(params PinAssignment[] extra) => new()
    {
        Board = "rpi4",
        GpioChip = 0,
        Source = "test.json",
        Pins =
        [
            new PinAssignment { Role = PinRole.IlluminatorEnable, HeaderPin = 11, Gpio = 17, Pull = PinPull.Down },
            new PinAssignment { Role = PinRole.Tamper, HeaderPin = 16, Gpio = 23, Pull = PinPull.Up },
            new PinAssignment { Role = PinRole.StatusLed, HeaderPin = 18, Gpio = 24 },
            .. extra,
        ],
    };

    private static readonly PinMapRequirements Minimal = new();

    [Fact]
    public void Minimal_map_is_valid()
    {
        Assert.Empty(PinMapValidator.Validate(Map(), Minimal));
    }

    [Fact]
    public void Pwm_role_on_a_pin_without_pwm_names_the_pin_and_the_pins_that_can()
    {
        var problems = PinMapValidator.Validate(Map(new PinAssignment { Role = PinRole.IlluminatorPwm, HeaderPin = 13, Gpio = 27, PwmChip = 0, PwmChannel = 0 }), Minimal);
        var problem = Assert.Single(problems);
        Assert.Contains("header pin 13", problem);
        Assert.Contains("cannot do hardware PWM", problem);
        Assert.Contains("12, 32, 33, 35", problem);
    }

    [Fact]
    public void Two_roles_on_one_pin_are_refused_with_both_names()
    {
        var problems = PinMapValidator.Validate(Map(new PinAssignment { Role = PinRole.Trigger, HeaderPin = 16, Gpio = 23 }), Minimal);
        Assert.Contains(problems, p => p.Contains("header pin 16 carries tamper and trigger", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_required_role_names_the_role_the_setting_and_free_pins()
    {
        var map = Map() with { Pins = Map().Pins.Where(p => p.Role != PinRole.Tamper).ToList() };
        var requirements = new PinMapRequirements { ConfiguredRoles = new Dictionary<PinRole, string> { [PinRole.Trigger] = "Hardware:Inputs:TriggerEnabled" } };
        var problems = PinMapValidator.Validate(map, requirements);
        Assert.Contains(problems, p => p.StartsWith("role tamper has no pin (every pole needs it)", StringComparison.Ordinal) && p.Contains("free: 7, 8", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("role trigger has no pin (Hardware:Inputs:TriggerEnabled needs it)", StringComparison.Ordinal));
    }

    [Fact]
    public void Gpio_that_does_not_match_the_header_pin_is_refused_with_the_right_line()
    {
        var map = Map() with { Pins = [.. Map().Pins.Where(p => p.Role != PinRole.StatusLed), new PinAssignment { Role = PinRole.StatusLed, HeaderPin = 18, Gpio = 25 }] };
        var problem = Assert.Single(PinMapValidator.Validate(map, Minimal));
        Assert.Contains("header pin 18 is GPIO line 24", problem);
        Assert.Contains("\"gpio\": 24", problem);
    }

    [Fact]
    public void Role_on_a_ground_or_reserved_pin_is_refused()
    {
        var ground = PinMapValidator.Validate(Map(new PinAssignment { Role = PinRole.Trigger, HeaderPin = 6, Gpio = 0 }), Minimal);
        Assert.Contains(ground, p => p.Contains("header pin 6: that pin is GND", StringComparison.Ordinal));
        var eeprom = PinMapValidator.Validate(Map(new PinAssignment { Role = PinRole.Trigger, HeaderPin = 27, Gpio = 0 }), Minimal);
        Assert.Contains(eeprom, p => p.Contains("HAT ID EEPROM", StringComparison.Ordinal));
    }

    [Fact]
    public void Illuminator_enable_without_pull_down_is_refused_for_the_fail_safe()
    {
        var map = Map() with { Pins = [.. Map().Pins.Where(p => p.Role != PinRole.IlluminatorEnable), new PinAssignment { Role = PinRole.IlluminatorEnable, HeaderPin = 11, Gpio = 17 }] };
        Assert.Contains(PinMapValidator.Validate(map, Minimal), p => p.Contains("\"pull\": \"down\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Light_sensor_without_an_i2c_bus_and_a_role_on_the_bus_pins_are_refused()
    {
        var requirements = new PinMapRequirements { I2cRequiredBy = "Hardware:DayNight:Source=LightSensor" };
        Assert.Contains(PinMapValidator.Validate(Map(), requirements), p => p.Contains("\"bus\": 1, \"sdaHeaderPin\": 3", StringComparison.Ordinal));
        var clash = Map(new PinAssignment { Role = PinRole.Trigger, HeaderPin = 3, Gpio = 2 }) with { I2c = new I2cAssignment { Bus = 1, SdaHeaderPin = 3, SclHeaderPin = 5 } };
        Assert.Contains(PinMapValidator.Validate(clash, requirements), p => p.Contains("collides with i2c bus 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_board_lists_the_supported_ones()
    {
        var problem = Assert.Single(PinMapValidator.Validate(Map() with { Board = "rpi3" }, Minimal));
        Assert.Contains("rpi4, rpi5, jetson-orin-nano", problem);
    }

    [Fact]
    public void Unknown_key_in_the_file_is_refused_with_its_line()
    {
        const string json = """
            {
              "board": "rpi4",
              "gpioChip": 0,
              "pins": [ { "role": "tamper", "headerPin": 16, "gpio": 23, "debounce": 5 } ]
            }
            """;
        var ex = Assert.Throws<PinMapException>(() => PinMapLoader.Parse(json, "bad.json"));
        Assert.Contains("bad.json", ex.Message);
        Assert.Contains("line 4", ex.Message);
        Assert.Contains("debounce", ex.Message);
    }

    [Fact]
    public void Unknown_role_is_refused()
    {
        const string json = """{ "board": "rpi4", "gpioChip": 0, "pins": [ { "role": "siren", "headerPin": 16, "gpio": 23 } ] }""";
        Assert.Throws<PinMapException>(() => PinMapLoader.Parse(json, "bad.json"));
    }
}
