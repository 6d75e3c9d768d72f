namespace Alpr.Edge.Hardware.Composition;

/// <summary>Settings of the day/night decision (<c>Hardware:DayNight</c>).</summary>
public sealed class DayNightOptions
{
    /// <summary>What decides day or night.</summary>
    public DayNightSource Source { get; set; } = DayNightSource.LightSensor;

    /// <summary>Light (lux) below which night starts.</summary>
    public double NightBelowLux { get; set; } = 10;

    /// <summary>Light (lux) above which day starts.</summary>
    public double DayAboveLux { get; set; } = 50;

    /// <summary>How long the light must stay past a threshold before the period changes.</summary>
    public TimeSpan MinimumDwell { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Site latitude, degrees north (needed for <see cref="DayNightSource.SunClock"/>).</summary>
    public double? Latitude { get; set; }

    /// <summary>Site longitude, degrees east (needed for <see cref="DayNightSource.SunClock"/>).</summary>
    public double? Longitude { get; set; }

    /// <summary>Night extends this long past sunset and before sunrise (twilight is too dark for plates).</summary>
    public TimeSpan TwilightMargin { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>I2C address of the BH1750 (0x23 with ADDR low, 0x5C with ADDR high).</summary>
    public int LightSensorAddress { get; set; } = 0x23;
}
