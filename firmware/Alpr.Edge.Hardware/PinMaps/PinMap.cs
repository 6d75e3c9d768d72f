using System.Text.Json.Serialization;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>A board's pin map, as in <c>hardware/pinouts/&lt;board&gt;.json</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PinMap
{
    /// <summary>The schema reference of the file.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Board id: <c>rpi4</c>, <c>rpi5</c> or <c>jetson-orin-nano</c>.</summary>
    public required string Board { get; init; }

    /// <summary>The <c>/dev/gpiochipN</c> the lines are on.</summary>
    public required int GpioChip { get; init; }

    /// <summary>Free text shown above the wiring table.</summary>
    public string? Notes { get; init; }

    /// <summary>Role assignments.</summary>
    public required IReadOnlyList<PinAssignment> Pins { get; init; }

    /// <summary>The sensor bus, when sensors are fitted.</summary>
    public I2cAssignment? I2c { get; init; }

    /// <summary>Where the map was loaded from, for messages.</summary>
    [JsonIgnore]
    public string Source { get; init; } = "(in memory)";

    /// <summary>The assignment of <paramref name="role"/>, when the map has one.</summary>
    public bool TryGet(PinRole role, out PinAssignment assignment)
    {
        assignment = Pins.FirstOrDefault(p => p.Role == role)!;
        return assignment is not null;
    }
}
