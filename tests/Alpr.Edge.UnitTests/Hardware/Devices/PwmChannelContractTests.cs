using System.Device.Pwm;
using Alpr.Edge.Hardware.Pwm;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

/// <summary>What every PWM channel the illuminator uses must do; subclassed for the simulator (and sysfs PWM on a board).</summary>
public abstract class PwmChannelContractTests
{
    protected abstract PwmChannel Create();

    [Fact]
    public void Frequency_and_duty_cycle_keep_what_was_set_across_start_and_stop()
    {
        using var pwm = Create();
        pwm.Frequency = 1000;
        pwm.DutyCycle = 0.25;
        pwm.Start();
        Assert.Equal(1000, pwm.Frequency);
        Assert.Equal(0.25, pwm.DutyCycle, 3);
        pwm.DutyCycle = 0.75;
        pwm.Stop();
        Assert.Equal(0.75, pwm.DutyCycle, 3);
    }

    [Fact]
    public void Duty_cycle_outside_0_to_1_is_refused()
    {
        using var pwm = Create();
        Assert.ThrowsAny<ArgumentException>(() => pwm.DutyCycle = 1.5);
        Assert.ThrowsAny<ArgumentException>(() => pwm.DutyCycle = -0.1);
    }
}

public sealed class SimulatedPwmChannelContractTests : PwmChannelContractTests
{
    protected override PwmChannel Create() => new SimulatedPwmChannel(0, 0);

    [Fact]
    public void Effective_duty_is_zero_while_stopped()
    {
        var pwm = new SimulatedPwmChannel(0, 0) { DutyCycle = 0.5 };
        Assert.Equal(0, pwm.EffectiveDutyCycle);
        pwm.Start();
        Assert.Equal(0.5, pwm.EffectiveDutyCycle);
    }

    [Fact]
    public void A_faulted_channel_fails_like_a_missing_overlay()
    {
        var pwm = new SimulatedPwmChannel(2, 1) { Fault = "No such file or directory" };
        var ex = Assert.Throws<IOException>(pwm.Start);
        Assert.Contains("pwmchip2/pwm1", ex.Message);
    }
}
