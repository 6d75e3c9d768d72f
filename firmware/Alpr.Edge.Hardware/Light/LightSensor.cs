using UnitsNet;

namespace Alpr.Edge.Hardware.Light;

/// <summary>An ambient light sensor the day/night decision reads.</summary>
public abstract class LightSensor : IDisposable
{
    /// <summary>Where the sensor is, for messages (e.g. "BH1750 at 0x23 on i2c-1").</summary>
    public abstract string Description { get; }

    /// <summary>Reads the light; <see langword="false"/> when the sensor does not answer.</summary>
    public abstract bool TryReadIlluminance(out Illuminance illuminance);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the sensor.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
