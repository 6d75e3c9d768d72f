using System.Globalization;
using UnitsNet;

namespace Alpr.Edge.Hardware.Thermal;

/// <summary>A Linux thermal zone file such as <c>/sys/class/thermal/thermal_zone0/temp</c> (millidegrees Celsius).</summary>
public sealed class SysfsThermalZone : ThermalZone
{
    /// <summary>The SoC zone on Raspberry Pi OS and JetPack.</summary>
    public const string DefaultPath = "/sys/class/thermal/thermal_zone0/temp";

    private readonly string _path;

    /// <summary>Reads from <paramref name="path"/>.</summary>
    public SysfsThermalZone(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
    }

    /// <inheritdoc />
    public override string Description => _path;

    /// <inheritdoc />
    public override bool TryReadTemperature(out Temperature temperature)
    {
        try
        {
            var text = File.ReadAllText(_path).Trim();
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var millidegrees))
            {
                temperature = Temperature.FromDegreesCelsius(millidegrees / 1000.0);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        temperature = default;
        return false;
    }
}
