namespace Alpr.Edge.Hardware.Composition;

/// <summary>What decides day or night.</summary>
public enum DayNightSource
{
    /// <summary>The ambient light sensor on I2C, with hysteresis (falls back to the sun clock when it stops answering and coordinates are set).</summary>
    LightSensor,

    /// <summary>Sunrise and sunset computed for the site's coordinates.</summary>
    SunClock,
}
