namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>Which roles the configuration needs on the pin map.</summary>
public sealed record PinMapRequirements
{
    /// <summary>Roles every pole needs: illuminator enable, tamper switch, status LED.</summary>
    public static IReadOnlyList<PinRole> Always { get; } = [PinRole.IlluminatorEnable, PinRole.Tamper, PinRole.StatusLed];

    /// <summary>Roles the configuration asks for on top of <see cref="Always"/>, each with the setting that asks.</summary>
    public IReadOnlyDictionary<PinRole, string> ConfiguredRoles { get; init; } = new Dictionary<PinRole, string>();

    /// <summary>Whether a light sensor bus is needed, with the setting that asks, when it is.</summary>
    public string? I2cRequiredBy { get; init; }
}
