using System.Device.Gpio;

namespace Alpr.Edge.Hardware.Gpio;

/// <summary>
/// A <see cref="GpioDriver"/> that behaves like a GPIO chip driven through libgpiod: pins have modes and pulls, outputs keep
/// their level after release (as real lines do, which is why the firmware drives them low before it lets go), inputs raise
/// edge events when the outside world changes them, and a line held by another process refuses to open.
/// Run a <see cref="GpioController"/> over it in the demo and the tests.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, SimulatedPinState> _pins = [];
    private readonly int _pinCount;

    /// <summary>Creates a chip with <paramref name="pinCount"/> lines numbered from 0.</summary>
    public SimulatedGpioDriver(int pinCount = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _pinCount = pinCount;
    }

    /// <inheritdoc />
    protected override int PinCount => _pinCount;

    /// <summary>Marks <paramref name="pinNumber"/> as requested by another process: opening it then fails like a busy line.</summary>
    public void HoldByOtherProcess(int pinNumber, string consumer)
    {
        lock (_gate)
        {
            State(pinNumber).HeldBy = consumer;
        }
    }

    /// <summary>Releases a line held with <see cref="HoldByOtherProcess"/>.</summary>
    public void ReleaseFromOtherProcess(int pinNumber)
    {
        lock (_gate)
        {
            State(pinNumber).HeldBy = null;
        }
    }

    /// <summary>Drives an input from outside (a switch, a detector); raises the edge event when the level changes.</summary>
    public void SetInput(int pinNumber, PinValue level)
    {
        List<Action> notify;
        lock (_gate)
        {
            var pin = State(pinNumber);
            var before = pin.Level;
            pin.DrivenLevel = level;
            notify = pin.Mode == PinMode.Output || before == pin.Level ? [] : EdgeNotifications(pinNumber, pin, level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling);
        }

        foreach (var action in notify)
        {
            action();
        }
    }

    /// <summary>Stops driving an input from outside, so it reads its pull again (a wire cut).</summary>
    public void Disconnect(int pinNumber)
    {
        lock (_gate)
        {
            State(pinNumber).DrivenLevel = null;
        }
    }

    /// <summary>A bouncing contact: the input chatters <paramref name="flips"/> times from its current level, then settles at <paramref name="finalLevel"/>; each change raises an edge.</summary>
    public void Bounce(int pinNumber, PinValue finalLevel, int flips)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(flips);
        var level = LevelOf(pinNumber);
        for (var i = 0; i < flips; i++)
        {
            level = !level;
            SetInput(pinNumber, level);
        }

        SetInput(pinNumber, finalLevel);
    }

    /// <summary>The level of a pin as the outside world sees it (for outputs, what the firmware wrote last).</summary>
    public PinValue LevelOf(int pinNumber)
    {
        lock (_gate)
        {
            return State(pinNumber).Level;
        }
    }

    /// <summary>Whether the firmware holds the pin open.</summary>
    public bool IsOpen(int pinNumber)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pinNumber, out var pin) && pin.Open;
        }
    }

    /// <summary>The mode the pin was last set to, when it was ever opened.</summary>
    public bool TryGetMode(int pinNumber, out PinMode mode)
    {
        lock (_gate)
        {
            var known = _pins.TryGetValue(pinNumber, out var pin) && pin.Open;
            mode = known ? pin!.Mode : default;
            return known;
        }
    }

    /// <summary>How many writes the pin received.</summary>
    public int WriteCount(int pinNumber)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pinNumber, out var pin) ? pin.WriteCount : 0;
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            var pin = State(pinNumber);
            if (pin.HeldBy is { } consumer)
            {
                throw new IOException($"GPIO line {pinNumber} is busy: requested by '{consumer}'.");
            }

            pin.Open = true;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            var pin = State(pinNumber);
            pin.Open = false;
            pin.Callbacks.Clear();
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            OpenState(pinNumber).Mode = mode;
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        lock (_gate)
        {
            var pin = OpenState(pinNumber);
            if (mode == PinMode.Output)
            {
                // Latch first, then switch: no glitch to the other level.
                pin.OutputLatch = initialValue;
            }

            pin.Mode = mode;
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return OpenState(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            return OpenState(pinNumber).Level;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate)
        {
            var pin = OpenState(pinNumber);
            if (pin.Mode != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO line {pinNumber} is an input ({pin.Mode}); set it to output before writing.");
            }

            pin.OutputLatch = value;
            pin.WriteCount++;
        }
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var task = WaitForEventAsync(pinNumber, eventTypes, cancellationToken).AsTask();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            OpenState(pinNumber).Waiters.Add((eventTypes, waiter));
        }

        try
        {
            var happened = await waiter.Task.WaitAsync(cancellationToken);
            return new WaitForEventResult { EventTypes = happened, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            lock (_gate)
            {
                State(pinNumber).Waiters.RemoveAll(w => w.Waiter == waiter);
            }
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            OpenState(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            OpenState(pinNumber).Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    private List<Action> EdgeNotifications(int pinNumber, SimulatedPinState pin, PinEventTypes edge)
    {
        var actions = new List<Action>();
        foreach (var (types, handler) in pin.Callbacks)
        {
            if ((types & edge) != 0)
            {
                actions.Add(() => handler(this, new PinValueChangedEventArgs(edge, pinNumber)));
            }
        }

        foreach (var (types, waiter) in pin.Waiters)
        {
            if ((types & edge) != 0)
            {
                actions.Add(() => waiter.TrySetResult(edge));
            }
        }

        return actions;
    }

    private SimulatedPinState State(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"The simulated chip has lines 0..{_pinCount - 1}.");
        }

        if (!_pins.TryGetValue(pinNumber, out var pin))
        {
            pin = new SimulatedPinState();
            _pins[pinNumber] = pin;
        }

        return pin;
    }

    private SimulatedPinState OpenState(int pinNumber)
    {
        var pin = State(pinNumber);
        if (!pin.Open)
        {
            throw new InvalidOperationException($"GPIO line {pinNumber} is not open.");
        }

        return pin;
    }
}
