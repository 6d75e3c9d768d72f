using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Rules;
using UnitsNet;

namespace Alpr.Edge.UnitTests.Hardware.Services;

public sealed class IlluminatorControllerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Daylight_keeps_the_illuminator_off_and_the_filter_in()
    {
        using var rig = new PoleRig();
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.False(rig.Pole.IlluminatorLit);
        Assert.True(rig.Pole.IrCutFilterIn);
        Assert.Equal(0, rig.Pole.IlluminatorPwm.DutyCycle);
        Assert.True(rig.Pole.IlluminatorPwm.IsRunning);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Dusk_switches_to_night_after_the_dwell_and_publishes_the_change()
    {
        using var rig = new PoleRig();
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        rig.Pole.LightSensor.Lux = 2.5;
        rig.Run(controller, TimeSpan.FromSeconds(59), Second);
        Assert.False(rig.Pole.IlluminatorLit);
        rig.Run(controller, TimeSpan.FromSeconds(2), Second);
        Assert.True(rig.Pole.IlluminatorLit);
        Assert.False(rig.Pole.IrCutFilterIn);
        Assert.Equal(1.0, rig.Pole.IlluminatorPwm.EffectiveDutyCycle);
        var change = Assert.Single(rig.PublishedOf<DayNightChangedEvent>());
        Assert.Equal(LightPeriod.Night, change.Period);
        Assert.Contains("2.5 lx", change.Reason);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Starting_in_the_dark_goes_to_night_at_once()
    {
        using var rig = new PoleRig();
        rig.Pole.LightSensor.Lux = 1;
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.True(rig.Pole.IlluminatorLit);
        Assert.Equal(LightPeriod.Night, controller.State.Period);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Temperature_rising_past_the_limits_derates_then_cuts_off_and_recovers_with_hysteresis()
    {
        using var rig = new PoleRig();
        rig.Pole.LightSensor.Lux = 1;
        rig.Pole.Thermal.Set(Temperature.FromDegreesCelsius(60));
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        rig.Pole.Thermal.RampTo(Temperature.FromDegreesCelsius(90), TimeSpan.FromMinutes(30));

        rig.Run(controller, TimeSpan.FromMinutes(15), Second); // 75 °C
        Assert.Equal(IlluminatorLimitState.Derated, controller.State.Limit.State);
        Assert.True(rig.Pole.IlluminatorLit);
        Assert.Equal(0.5, rig.Pole.IlluminatorPwm.DutyCycle);

        rig.Run(controller, TimeSpan.FromMinutes(10), Second); // 85 °C
        Assert.Equal(IlluminatorLimitState.TemperatureCutOff, controller.State.Limit.State);
        Assert.False(rig.Pole.IlluminatorLit);
        Assert.Equal(0, rig.Pole.IlluminatorPwm.DutyCycle);
        Assert.Contains(rig.PublishedOf<IlluminatorLimitChangedEvent>(), e => e.IsOverTemperature);

        rig.Pole.Thermal.Set(Temperature.FromDegreesCelsius(82));
        rig.Run(controller, Second, Second);
        Assert.False(rig.Pole.IlluminatorLit);
        rig.Pole.Thermal.Set(Temperature.FromDegreesCelsius(79));
        rig.Run(controller, Second, Second);
        Assert.True(rig.Pole.IlluminatorLit);
        Assert.Equal(IlluminatorLimitState.Derated, controller.State.Limit.State);
        rig.Pole.Thermal.Set(Temperature.FromDegreesCelsius(65));
        rig.Run(controller, Second, Second);
        Assert.Equal(IlluminatorLimitState.Normal, controller.State.Limit.State);
        Assert.Equal(
            [IlluminatorLimitState.Derated, IlluminatorLimitState.TemperatureCutOff, IlluminatorLimitState.Derated, IlluminatorLimitState.Normal],
            rig.PublishedOf<IlluminatorLimitChangedEvent>().Select(e => e.Limit.State));
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Over_temperature_contact_switches_the_illuminator_off_until_it_clears()
    {
        using var rig = new PoleRig(o => o.Illuminator.UseOverTemperatureInput = true);
        rig.Pole.LightSensor.Lux = 1;
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.True(rig.Pole.IlluminatorLit);
        rig.Pole.SetOverTemperature(true);
        rig.Run(controller, Second, Second);
        Assert.False(rig.Pole.IlluminatorLit);
        Assert.Equal(IlluminatorLimitState.OverTemperatureInput, controller.State.Limit.State);
        rig.Pole.SetOverTemperature(false);
        rig.Run(controller, Second, Second);
        Assert.True(rig.Pole.IlluminatorLit);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sensor_that_stops_answering_falls_back_to_sun_times_when_the_site_is_known()
    {
        // 22:00 UTC in London in January: night by the sun.
        using var rig = new PoleRig(o => { o.DayNight.Latitude = 51.5; o.DayNight.Longitude = -0.13; }, new DateTimeOffset(2026, 1, 15, 22, 0, 0, TimeSpan.Zero));
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.False(rig.Pole.IlluminatorLit); // the sensor still says 300 lx
        rig.Pole.LightSensor.Answering = false;
        rig.Run(controller, Second, Second);
        Assert.True(rig.Pole.IlluminatorLit);
        Assert.Contains("sun times", rig.PublishedOf<DayNightChangedEvent>().Single().Reason);
        Assert.Contains(rig.IlluminatorLogger.Entries, e => e.Message.Contains("does not answer", StringComparison.Ordinal));
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sensor_that_stops_answering_keeps_the_last_period_without_coordinates()
    {
        using var rig = new PoleRig();
        rig.Pole.LightSensor.Lux = 1;
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        rig.Pole.LightSensor.Answering = false;
        rig.Run(controller, TimeSpan.FromMinutes(5), Second);
        Assert.True(rig.Pole.IlluminatorLit);
        rig.Pole.LightSensor.Answering = true;
        rig.Pole.LightSensor.Lux = 500;
        rig.Run(controller, TimeSpan.FromSeconds(62), Second);
        Assert.False(rig.Pole.IlluminatorLit);
        Assert.Contains(rig.IlluminatorLogger.Entries, e => e.Message.Contains("answers again", StringComparison.Ordinal));
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sun_clock_decides_without_a_sensor()
    {
        using var rig = new PoleRig(o => { o.DayNight.Source = DayNightSource.SunClock; o.DayNight.Latitude = 51.5; o.DayNight.Longitude = -0.13; });
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.False(rig.Pole.IlluminatorLit);
        rig.Run(controller, TimeSpan.FromHours(6), TimeSpan.FromMinutes(1)); // 18:00 UTC
        Assert.True(rig.Pole.IlluminatorLit);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_switches_the_illuminator_off_and_it_stays_off_after_the_pins_are_released()
    {
        using var rig = new PoleRig();
        rig.Pole.LightSensor.Lux = 1;
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.True(rig.Pole.IlluminatorLit);
        await controller.StopAsync(CancellationToken.None);
        Assert.False(rig.Pole.IlluminatorLit);
        Assert.False(rig.Pole.IlluminatorPwm.IsRunning);
        rig.Devices.Gpio.Dispose();
        Assert.False(rig.Pole.IlluminatorLit);
    }

    [Fact]
    public async Task A_failing_step_switches_the_illuminator_off()
    {
        using var rig = new PoleRig();
        rig.Pole.LightSensor.Lux = 1;
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.True(rig.Pole.IlluminatorLit);
        rig.Pole.IlluminatorPwm.Fault = "Input/output error";
        rig.Run(controller, Second, Second);
        Assert.False(rig.Pole.IlluminatorLit);
        Assert.Contains(rig.IlluminatorLogger.Errors, e => e.Contains("switched off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_enable_pin_already_in_use_stops_start_up_with_the_header_pin_named()
    {
        using var rig = new PoleRig();
        rig.Pole.Gpio.HoldByOtherProcess(rig.PinOf(PinRole.IlluminatorEnable), "old-firmware");
        var controller = rig.Illuminator();
        var ex = await Assert.ThrowsAsync<IOException>(() => controller.StartAsync(CancellationToken.None));
        Assert.Contains("illuminator-enable on header pin 11 (GPIO 17)", ex.Message);
        Assert.Contains("gpioinfo", ex.Message);
    }

    [Fact]
    public async Task Strobe_follows_the_camera_exposure_line_at_night_only()
    {
        using var rig = new PoleRig(o => o.Illuminator.Strobe = true);
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        rig.Pole.SetStrobeSync(true);
        Assert.False(rig.Pole.IlluminatorLit); // day
        rig.Pole.SetStrobeSync(false);

        rig.Pole.LightSensor.Lux = 1;
        rig.Run(controller, TimeSpan.FromSeconds(61), Second);
        Assert.False(rig.Pole.IlluminatorLit); // armed, waiting for exposure
        rig.Pole.SetStrobeSync(true);
        Assert.True(rig.Pole.IlluminatorLit);
        rig.Pole.SetStrobeSync(false);
        Assert.False(rig.Pole.IlluminatorLit);
        await controller.StopAsync(CancellationToken.None);
        rig.Pole.SetStrobeSync(true);
        Assert.False(rig.Pole.IlluminatorLit);
    }

    [Fact]
    public async Task Duty_limit_rests_the_illuminator()
    {
        using var rig = new PoleRig(o => { o.Illuminator.MaxOnFraction = 0.5; o.Illuminator.DutyWindow = TimeSpan.FromMinutes(10); o.Illuminator.RestPeriod = TimeSpan.FromMinutes(2); });
        rig.Pole.LightSensor.Lux = 1;
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        rig.Run(controller, TimeSpan.FromMinutes(5), Second);
        Assert.False(rig.Pole.IlluminatorLit);
        Assert.Equal(IlluminatorLimitState.DutyRest, controller.State.Limit.State);
        rig.Run(controller, TimeSpan.FromMinutes(2), Second);
        Assert.True(rig.Pole.IlluminatorLit);
        await controller.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_missing_pwm_channel_stops_start_up_with_the_overlay_to_enable()
    {
        using var rig = new PoleRig();
        rig.Pole.IlluminatorPwm.Fault = "No such file or directory";
        var controller = rig.Illuminator();
        var ex = await Assert.ThrowsAsync<IOException>(() => controller.StartAsync(CancellationToken.None));
        Assert.Contains("illuminator-pwm on header pin 12 (pwmchip0 channel 0)", ex.Message);
        Assert.Contains("dtoverlay=pwm-2chan", ex.Message);
        Assert.False(rig.Pole.IlluminatorLit);
    }

    [Fact]
    public async Task A_simulated_pole_following_the_sun_goes_to_night_after_dusk()
    {
        using var rig = new PoleRig();
        rig.Pole.FollowSun(rig.Time, 51.5, -0.13, TimeSpan.FromMinutes(30));
        var controller = rig.Illuminator();
        await controller.StartAsync(CancellationToken.None);
        Assert.False(rig.Pole.IlluminatorLit);
        rig.Run(controller, TimeSpan.FromHours(6), TimeSpan.FromMinutes(1)); // 18:00 UTC in January
        Assert.True(rig.Pole.IlluminatorLit);
        Assert.Equal(LightPeriod.Night, Assert.Single(rig.PublishedOf<DayNightChangedEvent>()).Period);
        await controller.StopAsync(CancellationToken.None);
    }
}
