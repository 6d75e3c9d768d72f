using System.Device.Gpio;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

/// <summary>
/// What every GPIO driver the firmware runs on must do. Subclassed for the simulator here and, on a board with a loopback
/// wire from <see cref="OutputPin"/> to <see cref="InputPin"/>, for libgpiod (<see cref="LibgpiodDriverContractTests"/>).
/// </summary>
public abstract class GpioDriverContractTests : IDisposable
{
    private readonly Lazy<GpioController> _controller;

    protected GpioDriverContractTests()
    {
        _controller = new Lazy<GpioController>(() => new GpioController(CreateDriver()));
    }

    protected GpioController Controller => _controller.Value;

    protected abstract int OutputPin { get; }

    protected abstract int InputPin { get; }

    protected abstract GpioDriver CreateDriver();

    /// <summary>Makes <see cref="InputPin"/> see <paramref name="level"/> (the simulator sets it; a board drives the loopback output).</summary>
    protected abstract void DriveInput(PinValue level);

    [Fact]
    public void Output_opened_low_reads_low_and_follows_writes()
    {
        Controller.OpenPin(OutputPin, PinMode.Output, PinValue.Low);
        Assert.Equal(PinValue.Low, Controller.Read(OutputPin));
        Controller.Write(OutputPin, PinValue.High);
        Assert.Equal(PinValue.High, Controller.Read(OutputPin));
        Controller.Write(OutputPin, PinValue.Low);
        Assert.Equal(PinValue.Low, Controller.Read(OutputPin));
    }

    [Fact]
    public void Input_reads_the_level_it_is_driven_to()
    {
        Controller.OpenPin(InputPin, PinMode.InputPullDown);
        DriveInput(PinValue.High);
        Assert.Equal(PinValue.High, Controller.Read(InputPin));
        DriveInput(PinValue.Low);
        Assert.Equal(PinValue.Low, Controller.Read(InputPin));
    }

    [Fact]
    public void Rising_and_falling_edges_reach_the_callback()
    {
        Controller.OpenPin(InputPin, PinMode.InputPullDown);
        DriveInput(PinValue.Low);
        var edges = new List<PinEventTypes>();
        using var both = new CountdownEvent(2);
        Controller.RegisterCallbackForPinValueChangedEvent(InputPin, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) =>
        {
            lock (edges)
            {
                edges.Add(e.ChangeType);
            }

            both.Signal();
        });
        DriveInput(PinValue.High);
        DriveInput(PinValue.Low);
        Assert.True(both.Wait(TimeSpan.FromSeconds(5)));
        Assert.Equal([PinEventTypes.Rising, PinEventTypes.Falling], edges);
    }

    [Fact]
    public async Task Waiting_for_an_edge_returns_it_and_a_cancelled_wait_times_out()
    {
        Controller.OpenPin(InputPin, PinMode.InputPullDown);
        DriveInput(PinValue.Low);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var wait = Controller.WaitForEventAsync(InputPin, PinEventTypes.Rising, timeout.Token).AsTask();
        await Task.Yield();
        while (!wait.IsCompleted && !timeout.IsCancellationRequested)
        {
            DriveInput(PinValue.High);
            DriveInput(PinValue.Low);
            await Task.WhenAny(wait, Task.Delay(TimeSpan.FromMilliseconds(10)));
        }

        var result = await wait;
        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Rising, result.EventTypes);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.True((await Controller.WaitForEventAsync(InputPin, PinEventTypes.Rising, cancelled.Token)).TimedOut);
    }

    public void Dispose()
    {
        if (_controller.IsValueCreated)
        {
            _controller.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
