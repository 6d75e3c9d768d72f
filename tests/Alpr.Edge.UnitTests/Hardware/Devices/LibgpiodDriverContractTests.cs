#if ALPR_HARDWARE_TESTS
using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

/// <summary>
/// The GPIO contract on a real board: build with -p:DefineConstants=ALPR_HARDWARE_TESTS on the Pi/Jetson, wire header pin 38
/// (GPIO 20 on a Pi) to pin 40 (GPIO 21) and run with --filter Category=Hardware.
/// </summary>
[Trait("Category", "Hardware")]
public sealed class LibgpiodDriverContractTests : GpioDriverContractTests
{
    private readonly GpioController _loopback = new(new LibGpiodDriver(0));

    protected override int OutputPin => 26;

    protected override int InputPin => 21;

    protected override GpioDriver CreateDriver() => new LibGpiodDriver(0);

    protected override void DriveInput(PinValue level)
    {
        if (!_loopback.IsPinOpen(20))
        {
            _loopback.OpenPin(20, PinMode.Output);
        }

        _loopback.Write(20, level);
    }
}
#endif
