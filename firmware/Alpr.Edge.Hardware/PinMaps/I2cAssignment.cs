using System.Text.Json.Serialization;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>The I2C bus the sensors (ambient light) hang on.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record I2cAssignment
{
    /// <summary>The <c>/dev/i2c-N</c> number.</summary>
    public required int Bus { get; init; }

    /// <summary>Header pin of SDA.</summary>
    public required int SdaHeaderPin { get; init; }

    /// <summary>Header pin of SCL.</summary>
    public required int SclHeaderPin { get; init; }
}
