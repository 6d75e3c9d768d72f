#if ALPR_HARDWARE_TESTS
using System.Device.Pwm;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

/// <summary>The PWM contract on a board with dtoverlay=pwm-2chan (pwmchip0 channel 0, GPIO18 on a Pi); see LibgpiodDriverContractTests.</summary>
[Trait("Category", "Hardware")]
public sealed class SysfsPwmChannelContractTests : PwmChannelContractTests
{
    protected override PwmChannel Create() => PwmChannel.Create(0, 0, 1000, 0);
}
#endif
