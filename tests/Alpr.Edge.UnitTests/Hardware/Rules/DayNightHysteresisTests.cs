using Alpr.Edge.Hardware.Rules;
using UnitsNet;

namespace Alpr.Edge.UnitTests.Hardware.Rules;

public sealed class DayNightHysteresisTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 17, 0, 0, TimeSpan.Zero);

    private static DayNightHysteresis Rule() => new(Illuminance.FromLux(10), Illuminance.FromLux(50), TimeSpan.FromMinutes(1));

    [Fact]
    public void Night_starts_only_after_the_light_stayed_below_the_night_threshold_for_the_dwell()
    {
        var rule = Rule();
        Assert.False(rule.Update(Illuminance.FromLux(5), T0));
        Assert.False(rule.Update(Illuminance.FromLux(5), T0.AddSeconds(59)));
        Assert.True(rule.Update(Illuminance.FromLux(5), T0.AddSeconds(60)));
        Assert.Equal(LightPeriod.Night, rule.Period);
    }

    [Fact]
    public void A_headlight_between_dark_readings_restarts_the_dwell()
    {
        var rule = Rule();
        rule.Update(Illuminance.FromLux(5), T0);
        rule.Update(Illuminance.FromLux(30), T0.AddSeconds(30));
        Assert.False(rule.Update(Illuminance.FromLux(5), T0.AddSeconds(70)));
        Assert.True(rule.Update(Illuminance.FromLux(5), T0.AddSeconds(130)));
    }

    [Fact]
    public void Light_between_the_thresholds_keeps_the_current_period()
    {
        var rule = new DayNightHysteresis(Illuminance.FromLux(10), Illuminance.FromLux(50), TimeSpan.Zero, LightPeriod.Night);
        Assert.False(rule.Update(Illuminance.FromLux(40), T0));
        Assert.Equal(LightPeriod.Night, rule.Period);
        Assert.True(rule.Update(Illuminance.FromLux(60), T0.AddSeconds(1)));
        Assert.Equal(LightPeriod.Day, rule.Period);
        Assert.False(rule.Update(Illuminance.FromLux(20), T0.AddSeconds(2)));
        Assert.Equal(LightPeriod.Day, rule.Period);
    }

    [Fact]
    public void Thresholds_in_the_wrong_order_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DayNightHysteresis(Illuminance.FromLux(50), Illuminance.FromLux(10), TimeSpan.Zero));
    }
}
