using UnitsNet;

namespace Alpr.Edge.Hardware.Thermal;

/// <summary>A temperature the illuminator's safety rule watches (the SoC's thermal zone).</summary>
public abstract class ThermalZone
{
    /// <summary>Where the reading comes from, for messages.</summary>
    public abstract string Description { get; }

    /// <summary>Reads the temperature; <see langword="false"/> when it cannot be read.</summary>
    public abstract bool TryReadTemperature(out Temperature temperature);
}
