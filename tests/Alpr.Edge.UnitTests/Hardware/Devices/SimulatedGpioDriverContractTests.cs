using System.Device.Gpio;
using Alpr.Edge.Hardware.Gpio;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

public sealed class SimulatedGpioDriverContractTests : GpioDriverContractTests
{
    private readonly SimulatedGpioDriver _driver = new();

    protected override int OutputPin => 17;

    protected override int InputPin => 22;

    protected override GpioDriver CreateDriver() => _driver;

    protected override void DriveInput(PinValue level) => _driver.SetInput(InputPin, level);

    [Fact]
    public void A_pin_held_by_another_process_refuses_to_open_and_opens_once_released()
    {
        _driver.HoldByOtherProcess(OutputPin, "pigpiod");
        var ex = Assert.Throws<IOException>(() => Controller.OpenPin(OutputPin, PinMode.Output));
        Assert.Contains("busy", ex.Message);
        Assert.Contains("pigpiod", ex.Message);
        _driver.ReleaseFromOtherProcess(OutputPin);
        Controller.OpenPin(OutputPin, PinMode.Output, PinValue.Low);
        Assert.True(_driver.IsOpen(OutputPin));
    }

    [Fact]
    public void Pulls_set_the_level_of_an_undriven_input()
    {
        Controller.OpenPin(InputPin, PinMode.InputPullUp);
        Assert.Equal(PinValue.High, Controller.Read(InputPin));
        Controller.SetPinMode(InputPin, PinMode.InputPullDown);
        Assert.Equal(PinValue.Low, Controller.Read(InputPin));
    }

    [Fact]
    public void A_bouncing_contact_raises_every_edge_and_settles_at_the_final_level()
    {
        Controller.OpenPin(InputPin, PinMode.InputPullDown);
        var edges = 0;
        Controller.RegisterCallbackForPinValueChangedEvent(InputPin, PinEventTypes.Rising | PinEventTypes.Falling, (_, _) => Interlocked.Increment(ref edges));
        _driver.Bounce(InputPin, PinValue.High, flips: 6);
        Assert.Equal(7, edges);
        Assert.Equal(PinValue.High, Controller.Read(InputPin));
    }

    [Fact]
    public void An_output_keeps_its_level_after_the_pin_is_closed_like_a_real_line()
    {
        Controller.OpenPin(OutputPin, PinMode.Output, PinValue.High);
        Controller.ClosePin(OutputPin);
        Assert.Equal(PinValue.High, _driver.LevelOf(OutputPin));
    }
}
