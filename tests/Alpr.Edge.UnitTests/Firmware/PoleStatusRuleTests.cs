using Alpr.Edge.Firmware.Hardware;
using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class PoleStatusRuleTests
{
    [Theory]
    [InlineData(1, null, false, PoleStatus.Booting)]
    [InlineData(31, null, true, PoleStatus.Fault)]
    [InlineData(5, 0.1, true, PoleStatus.Running)]
    [InlineData(5, 0.1, false, PoleStatus.NoUplink)]
    [InlineData(60, 11.0, true, PoleStatus.Fault)]
    public void Status_follows_capture_and_uplink(int sinceStartSeconds, double? sinceLastFrameSeconds, bool uplinkConnected, PoleStatus expected)
    {
        var (status, reason) = PoleStatusRule.Decide(
            TimeSpan.FromSeconds(sinceStartSeconds),
            sinceLastFrameSeconds is { } idle ? TimeSpan.FromSeconds(idle) : null,
            uplinkConnected);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }
}
