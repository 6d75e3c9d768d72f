using System.Text.Json.Serialization;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>Internal bias resistor of an input (or the level an output's line rests at before the firmware runs).</summary>
public enum PinPull
{
    /// <summary>No bias: an external resistor sets the idle level.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Pull-up.</summary>
    [JsonStringEnumMemberName("up")]
    Up,

    /// <summary>Pull-down.</summary>
    [JsonStringEnumMemberName("down")]
    Down,
}
