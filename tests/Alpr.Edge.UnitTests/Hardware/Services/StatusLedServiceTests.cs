using Alpr.Edge.Hardware.Rules;
using Alpr.Edge.Hardware.Status;

namespace Alpr.Edge.UnitTests.Hardware.Services;

public sealed class StatusLedServiceTests
{
    private static string Watch(PoleRig rig, StatusLedService led, int samples)
    {
        var seen = new char[samples];
        for (var i = 0; i < samples; i++)
        {
            led.RunOnce();
            seen[i] = rig.Pole.StatusLedLit ? '#' : '.';
            rig.Time.Advance(TimeSpan.FromMilliseconds(50));
        }

        return new string(seen);
    }

    [Fact]
    public async Task The_led_shows_booting_then_the_status_the_firmware_sets_and_goes_off_on_stop()
    {
        using var rig = new PoleRig();
        var indicator = new PoleStatusIndicator(rig.Time);
        var led = rig.StatusLed(indicator);
        await led.StartAsync(CancellationToken.None);
        Assert.Equal("##..##..", Watch(rig, led, 8));
        indicator.Set(PoleStatus.NoUplink);
        Assert.Equal("##..##....", Watch(rig, led, 10));
        indicator.Set(PoleStatus.Fault);
        Assert.Equal("######", Watch(rig, led, 6));
        await led.StopAsync(CancellationToken.None);
        Assert.False(rig.Pole.StatusLedLit);
    }
}
