using Alpr.Edge.Hardware.Rules;
using UnitsNet;

namespace Alpr.Edge.UnitTests.Hardware.Rules;

public sealed class IlluminatorSafetyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 22, 0, 0, TimeSpan.Zero);

    private static Temperature C(double celsius) => Temperature.FromDegreesCelsius(celsius);

    [Fact]
    public void Rising_temperature_derates_then_cuts_off_and_recovers_only_below_the_hysteresis()
    {
        var safety = new IlluminatorSafety(new IlluminatorSafetyLimits());
        Assert.Equal(IlluminatorLimitState.Normal, safety.Evaluate(T0, C(60), false).State);
        var derated = safety.Evaluate(T0, C(75), false);
        Assert.Equal(IlluminatorLimitState.Derated, derated.State);
        Assert.Equal(0.5, derated.MaxIntensity);
        var cut = safety.Evaluate(T0, C(85), false);
        Assert.Equal(IlluminatorLimitState.TemperatureCutOff, cut.State);
        Assert.False(cut.AllowsLight);
        Assert.Equal(IlluminatorLimitState.TemperatureCutOff, safety.Evaluate(T0, C(82), false).State);
        Assert.Equal(IlluminatorLimitState.Derated, safety.Evaluate(T0, C(79.9), false).State);
        Assert.Equal(IlluminatorLimitState.Derated, safety.Evaluate(T0, C(72), false).State);
        Assert.Equal(IlluminatorLimitState.Normal, safety.Evaluate(T0, C(69.9), false).State);
    }

    [Fact]
    public void Unreadable_temperature_derates_rather_than_running_blind()
    {
        var safety = new IlluminatorSafety(new IlluminatorSafetyLimits());
        Assert.Equal(IlluminatorLimitState.Derated, safety.Evaluate(T0, null, false).State);
    }

    [Fact]
    public void Over_temperature_input_switches_off_until_it_clears()
    {
        var safety = new IlluminatorSafety(new IlluminatorSafetyLimits());
        Assert.Equal(IlluminatorLimitState.OverTemperatureInput, safety.Evaluate(T0, C(40), true).State);
        Assert.Equal(IlluminatorLimitState.Normal, safety.Evaluate(T0, C(40), false).State);
    }

    [Fact]
    public void Duty_limit_rests_the_illuminator_and_lets_it_back_on_after_the_rest()
    {
        var limits = new IlluminatorSafetyLimits { DutyWindow = TimeSpan.FromMinutes(10), MaxOnFraction = 0.5, RestPeriod = TimeSpan.FromMinutes(2) };
        var safety = new IlluminatorSafety(limits);
        safety.RecordOutput(T0, true);
        Assert.Equal(IlluminatorLimitState.Normal, safety.Evaluate(T0.AddMinutes(4), C(40), false).State);
        var rest = safety.Evaluate(T0.AddMinutes(5), C(40), false);
        Assert.Equal(IlluminatorLimitState.DutyRest, rest.State);
        safety.RecordOutput(T0.AddMinutes(5), false);
        Assert.Equal(IlluminatorLimitState.DutyRest, safety.Evaluate(T0.AddMinutes(6.9), C(40), false).State);
        Assert.Equal(IlluminatorLimitState.Normal, safety.Evaluate(T0.AddMinutes(7), C(40), false).State);
    }

    [Fact]
    public void On_share_only_counts_the_window()
    {
        var safety = new IlluminatorSafety(new IlluminatorSafetyLimits { DutyWindow = TimeSpan.FromMinutes(10) });
        safety.RecordOutput(T0, true);
        safety.RecordOutput(T0.AddMinutes(5), false);
        Assert.Equal(0.5, safety.OnShare(T0.AddMinutes(10)), 3);
        Assert.Equal(0.3, safety.OnShare(T0.AddMinutes(12)), 3);
        Assert.Equal(0, safety.OnShare(T0.AddMinutes(20)), 3);
    }
}
