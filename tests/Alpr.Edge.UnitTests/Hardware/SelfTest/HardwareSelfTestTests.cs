using System.Text.Json;
using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.SelfTest;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Hardware.SelfTest;

public sealed class HardwareSelfTestTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    private static HardwareOptions Everything() => new()
    {
        Board = "rpi4",
        PinMapPath = Path.Combine(HardwareTestPaths.Pinouts, "rpi4.json"),
        Illuminator = { UseOverTemperatureInput = true, Strobe = true },
        Inputs = { TriggerEnabled = true },
    };

    private IReadOnlyList<SelfTestCheck> Run(Action<SimulatedPole>? arrange = null, HardwareOptions? options = null) =>
        HardwareSelfTest.ForSimulator(options ?? Everything(), _time, arrange).Run(CancellationToken.None);

    [Fact]
    public void Every_part_of_a_healthy_simulated_pole_passes()
    {
        var checks = Run();
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Equal(
            ["pin map", "illuminator enable", "illuminator pwm", "ir-cut filter", "status led", "light sensor", "soc temperature", "tamper switch", "vehicle trigger", "over-temperature input", "strobe sync input"],
            checks.Select(c => c.Name));
        Assert.Equal(0, SelfTestReport.ExitCode(checks));
    }

    [Fact]
    public void A_silent_light_sensor_fails_with_the_wiring_to_check()
    {
        var check = Run(p => p.LightSensor.Answering = false).Single(c => c.Name == "light sensor");
        Assert.False(check.Passed);
        Assert.Contains("i2cdetect -y 1", check.Fix);
        Assert.Contains("header pin 3", check.Fix);
    }

    [Fact]
    public void An_open_enclosure_and_a_hot_illuminator_fail()
    {
        var checks = Run(p => { p.SetTamperOpen(true); p.SetOverTemperature(true); });
        Assert.Contains("header pin 16", checks.Single(c => c.Name == "tamper switch").Fix);
        Assert.False(checks.Single(c => c.Name == "over-temperature input").Passed);
        Assert.Equal(1, SelfTestReport.ExitCode(checks));
    }

    [Fact]
    public void A_pin_in_use_fails_its_check_and_the_others_still_run()
    {
        var checks = Run(p => p.Gpio.HoldByOtherProcess(17, "alpr-edge.service"));
        var enable = checks.Single(c => c.Name == "illuminator enable");
        Assert.False(enable.Passed);
        Assert.Contains("busy", enable.Detail);
        Assert.Contains("stop the alpr-edge service", enable.Fix);
        Assert.True(checks.Single(c => c.Name == "status led").Passed);
    }

    [Fact]
    public void A_missing_pwm_overlay_fails_with_the_board_hint()
    {
        var check = Run(p => p.IlluminatorPwm.Fault = "No such file or directory").Single(c => c.Name == "illuminator pwm");
        Assert.False(check.Passed);
        Assert.Contains("dtoverlay=pwm-2chan", check.Fix);
    }

    [Fact]
    public void A_hot_soc_and_an_unreadable_one_fail()
    {
        Assert.False(Run(p => p.Thermal.Set(UnitsNet.Temperature.FromDegreesCelsius(90))).Single(c => c.Name == "soc temperature").Passed);
        Assert.Contains("ThermalZonePath", Run(p => p.Thermal.Readable = false).Single(c => c.Name == "soc temperature").Fix);
    }

    [Fact]
    public void An_invalid_pin_map_fails_first_and_names_the_problem()
    {
        var options = Everything();
        options.Board = "rpi5";
        var check = Run(options: options)[0];
        Assert.Equal("pin map", check.Name);
        Assert.False(check.Passed);
        Assert.Contains("is for 'rpi4'", check.Detail);
    }

    [Fact]
    public void The_illuminator_is_left_off_after_the_self_test()
    {
        SimulatedPole? pole = null;
        Run(p => pole = p);
        Assert.NotNull(pole);
        Assert.False(pole.IlluminatorLit);
        Assert.False(pole.Gpio.IsOpen(pole.Map.Pins.Single(p => p.Role == PinRole.IlluminatorEnable).Gpio));
    }

    [Fact]
    public void Text_and_json_reports_carry_every_line_and_the_fix_of_failures_only()
    {
        var checks = Run(p => p.LightSensor.Answering = false);
        var text = SelfTestReport.RenderText(checks);
        Assert.Contains("PASS  illuminator enable: header pin 11 (GPIO 17) switched high and low", text);
        Assert.Contains("FAIL  light sensor:", text);
        Assert.Contains("      fix: check the sensor's SDA", text);
        Assert.EndsWith($"1 of {checks.Count} checks failed.{Environment.NewLine}", text);

        using var json = JsonDocument.Parse(SelfTestReport.RenderJson(checks));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        var lines = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(checks.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal(!l.GetProperty("passed").GetBoolean(), l.TryGetProperty("fix", out _)));
    }
}
