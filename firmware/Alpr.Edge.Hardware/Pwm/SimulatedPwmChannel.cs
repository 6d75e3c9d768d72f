using System.Device.Pwm;

namespace Alpr.Edge.Hardware.Pwm;

/// <summary>
/// A <see cref="PwmChannel"/> that keeps frequency, duty cycle and running state like a sysfs PWM channel, validates them
/// the same way, and can be made to fail (an overlay missing after a kernel update).
/// </summary>
public sealed class SimulatedPwmChannel : PwmChannel
{
    private int _frequency;
    private double _dutyCycle;

    /// <summary>Creates a stopped channel.</summary>
    public SimulatedPwmChannel(int chip, int channel, int frequency = 1000, double dutyCycle = 0)
    {
        Chip = chip;
        Channel = channel;
        Frequency = frequency;
        DutyCycle = dutyCycle;
    }

    /// <summary>The pwmchip number.</summary>
    public int Chip { get; }

    /// <summary>The channel on the chip.</summary>
    public int Channel { get; }

    /// <summary>Whether the output is enabled.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>How often <see cref="Start"/> was called.</summary>
    public int StartCount { get; private set; }

    /// <summary>When set, every operation throws an <see cref="IOException"/> with this text.</summary>
    public string? Fault { get; set; }

    /// <summary>The duty the illuminator sees: the duty cycle while running, 0 while stopped.</summary>
    public double EffectiveDutyCycle => IsRunning ? _dutyCycle : 0;

    /// <inheritdoc />
    public override int Frequency
    {
        get => _frequency;
        set
        {
            ThrowIfFaulted();
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Frequency));
            _frequency = value;
        }
    }

    /// <inheritdoc />
    public override double DutyCycle
    {
        get => _dutyCycle;
        set
        {
            ThrowIfFaulted();
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new ArgumentOutOfRangeException(nameof(DutyCycle), value, "Duty cycle must be 0.0..1.0.");
            }

            _dutyCycle = value;
        }
    }

    /// <inheritdoc />
    public override void Start()
    {
        ThrowIfFaulted();
        IsRunning = true;
        StartCount++;
    }

    /// <inheritdoc />
    public override void Stop()
    {
        ThrowIfFaulted();
        IsRunning = false;
    }

    private void ThrowIfFaulted()
    {
        if (Fault is { } fault)
        {
            throw new IOException($"/sys/class/pwm/pwmchip{Chip}/pwm{Channel}: {fault}");
        }
    }
}
