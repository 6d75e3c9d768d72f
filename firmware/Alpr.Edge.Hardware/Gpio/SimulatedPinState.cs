using System.Device.Gpio;

namespace Alpr.Edge.Hardware.Gpio;

/// <summary>What the simulator knows about one GPIO line.</summary>
internal sealed class SimulatedPinState
{
    public bool Open { get; set; }

    public string? HeldBy { get; set; }

    public PinMode Mode { get; set; } = PinMode.Input;

    public PinValue OutputLatch { get; set; } = PinValue.Low;

    public PinValue? DrivenLevel { get; set; }

    public int WriteCount { get; set; }

    public List<(PinEventTypes Types, PinChangeEventHandler Handler)> Callbacks { get; } = [];

    public List<(PinEventTypes Types, TaskCompletionSource<PinEventTypes> Waiter)> Waiters { get; } = [];

    /// <summary>The level a read returns: the latch for outputs, the external level or the pull for inputs (floating reads low).</summary>
    public PinValue Level => Mode == PinMode.Output
        ? OutputLatch
        : DrivenLevel ?? (Mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low);
}
