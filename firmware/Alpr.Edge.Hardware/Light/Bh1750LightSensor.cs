using System.Device.I2c;
using Iot.Device.Bh1750fvi;
using UnitsNet;

namespace Alpr.Edge.Hardware.Light;

/// <summary>
/// A BH1750FVI through the Iot.Device.Bindings driver. The device is opened on first read and reopened after a failed
/// transfer, so a sensor that stopped answering is picked up again once it is back.
/// </summary>
public sealed class Bh1750LightSensor : LightSensor
{
    private readonly Func<I2cDevice> _openDevice;
    private Bh1750fvi? _sensor;

    /// <summary>Creates the sensor; <paramref name="openDevice"/> opens the I2C device (real or simulated) each time one is needed.</summary>
    public Bh1750LightSensor(Func<I2cDevice> openDevice, string description)
    {
        ArgumentNullException.ThrowIfNull(openDevice);
        _openDevice = openDevice;
        Description = description;
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <summary>The last failure's message, when the last read failed.</summary>
    public string? LastError { get; private set; }

    /// <inheritdoc />
    public override bool TryReadIlluminance(out Illuminance illuminance)
    {
        try
        {
            _sensor ??= new Bh1750fvi(_openDevice());
            illuminance = _sensor.Illuminance;
            LastError = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            LastError = ex.Message;
            _sensor?.Dispose();
            _sensor = null;
            illuminance = default;
            return false;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sensor?.Dispose();
            _sensor = null;
        }

        base.Dispose(disposing);
    }
}
