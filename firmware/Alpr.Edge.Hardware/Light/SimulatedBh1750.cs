using System.Device.I2c;

namespace Alpr.Edge.Hardware.Light;

/// <summary>
/// A BH1750FVI ambient light sensor on a simulated I2C bus, speaking the chip's one-byte command protocol (power on, reset,
/// measurement mode, measurement-time register) so the real <c>Iot.Device.Bh1750fvi.Bh1750fvi</c> binding runs over it.
/// Set <see cref="Lux"/>; clear <see cref="Answering"/> to make it stop acknowledging like a sensor whose cable came loose.
/// </summary>
public sealed class SimulatedBh1750 : I2cSimulatedDeviceBase
{
    /// <summary>The sensor's default address (ADDR pin low).</summary>
    public const int DefaultAddress = 0x23;

    private const byte DefaultMeasurementTime = 69;
    private byte _measurementTime = DefaultMeasurementTime;
    private byte _mode = 0x10;

    /// <summary>Creates the sensor on the given bus and address.</summary>
    public SimulatedBh1750(I2cConnectionSettings settings)
        : base(settings)
    {
    }

    /// <summary>The light the sensor sees, in lux (ignored while <see cref="LuxSource"/> is set).</summary>
    public double Lux { get; set; } = 300;

    /// <summary>When set, the light is taken from here at each measurement (a daylight model for the demo).</summary>
    public Func<double>? LuxSource { get; set; }

    /// <summary>Whether the sensor acknowledges transfers; <see langword="false"/> makes every transfer fail with an I/O error.</summary>
    public bool Answering { get; set; } = true;

    /// <summary>Whether a power-on command was received since the last power-down.</summary>
    public bool PoweredOn { get; private set; }

    /// <summary>How many transfers were attempted.</summary>
    public int Transfers { get; private set; }

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        Transfer();
        switch (value)
        {
            case 0x00:
                PoweredOn = false;
                break;
            case 0x01:
                PoweredOn = true;
                break;
            case 0x07:
                break;
            case 0x10 or 0x11 or 0x13 or 0x20 or 0x21 or 0x23:
                _mode = value;
                break;
            case >= 0b0100_0000 and <= 0b0100_0111:
                _measurementTime = (byte)((_measurementTime & 0b0001_1111) | ((value & 0b111) << 5));
                break;
            case >= 0b0110_0000 and <= 0b0111_1111:
                _measurementTime = (byte)((_measurementTime & 0b1110_0000) | (value & 0b0001_1111));
                break;
            default:
                throw new IOException($"BH1750 at 0x{ConnectionSettings.DeviceAddress:X2}: unknown command 0x{value:X2}.");
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var b in buffer)
        {
            WriteByte(b);
        }
    }

    /// <inheritdoc />
    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        Transfer();
        var lux = LuxSource?.Invoke() ?? Lux;
        var count = (int)Math.Clamp(Math.Round(lux * 1.2 * _measurementTime / DefaultMeasurementTime * (_mode is 0x11 or 0x21 ? 2 : 1)), 0, ushort.MaxValue);
        if (!PoweredOn)
        {
            count = 0;
        }

        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i switch
            {
                0 => (byte)(count >> 8),
                1 => (byte)count,
                _ => 0,
            };
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        if (!readBuffer.IsEmpty)
        {
            Read(readBuffer);
        }
    }

    /// <inheritdoc />
    public override void WriteRead(byte[] inputBuffer, byte[] outputBuffer)
    {
        ArgumentNullException.ThrowIfNull(inputBuffer);
        ArgumentNullException.ThrowIfNull(outputBuffer);
        WriteRead(inputBuffer.AsSpan(), outputBuffer.AsSpan());
    }

    /// <summary>How often a handle to the chip was disposed; the chip itself stays, like a real one after its file descriptor is closed.</summary>
    public int DisposeCount { get; private set; }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        DisposeCount++;
        base.Dispose(disposing);
    }

    private void Transfer()
    {
        Transfers++;
        if (!Answering)
        {
            throw new IOException($"Error 121 performing I2C data transfer to 0x{ConnectionSettings.DeviceAddress:X2} on bus {ConnectionSettings.BusId}: remote I/O error.");
        }
    }
}
