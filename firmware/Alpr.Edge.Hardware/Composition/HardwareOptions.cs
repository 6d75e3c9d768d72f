using Alpr.Edge.Hardware.PinMaps;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>Settings of the pole's hardware (section <c>Hardware</c>).</summary>
public sealed class HardwareOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hardware";

    /// <summary>
    /// Whether the firmware host runs on a <see cref="SimulatedPole"/> (default, so the demo and the tests need no board) or the
    /// real pins; read by the host and passed to <see cref="PoleHardwareServiceCollectionExtensions.AddPoleHardware"/>.
    /// </summary>
    public bool Simulate { get; set; } = true;

    /// <summary>Board id: <c>rpi4</c>, <c>rpi5</c> or <c>jetson-orin-nano</c>.</summary>
    public string Board { get; set; } = "rpi4";

    /// <summary>Pin map file; empty means <c>pinouts/&lt;Board&gt;.json</c> next to the executable.</summary>
    public string? PinMapPath { get; set; }

    /// <summary>Day/night decision.</summary>
    public DayNightOptions DayNight { get; set; } = new();

    /// <summary>Illuminator and its safety limits.</summary>
    public IlluminatorOptions Illuminator { get; set; } = new();

    /// <summary>Trigger and tamper inputs.</summary>
    public InputOptions Inputs { get; set; } = new();

    /// <summary>The pin map path in use.</summary>
    public string ResolvePinMapPath() => string.IsNullOrWhiteSpace(PinMapPath) ? PinMapLoader.DefaultPath(Board) : PinMapPath;

    /// <summary>The roles and bus this configuration needs on the pin map, each with the setting that asks for it.</summary>
    public PinMapRequirements Requirements()
    {
        var roles = new Dictionary<PinRole, string>();
        if (Illuminator.UsePwm)
        {
            roles[PinRole.IlluminatorPwm] = $"{SectionName}:Illuminator:UsePwm=true";
        }

        if (Illuminator.UseIrCut)
        {
            roles[PinRole.IrCut] = $"{SectionName}:Illuminator:UseIrCut=true";
        }

        if (Illuminator.UseOverTemperatureInput)
        {
            roles[PinRole.OverTemperature] = $"{SectionName}:Illuminator:UseOverTemperatureInput=true";
        }

        if (Illuminator.Strobe)
        {
            roles[PinRole.StrobeSync] = $"{SectionName}:Illuminator:Strobe=true";
        }

        if (Inputs.TriggerEnabled)
        {
            roles[PinRole.Trigger] = $"{SectionName}:Inputs:TriggerEnabled=true";
        }

        return new PinMapRequirements
        {
            ConfiguredRoles = roles,
            I2cRequiredBy = DayNight.Source == DayNightSource.LightSensor ? $"{SectionName}:DayNight:Source=LightSensor" : null,
        };
    }
}
