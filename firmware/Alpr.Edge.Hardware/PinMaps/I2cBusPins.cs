namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>Header pins of one I2C bus on a board.</summary>
/// <param name="Bus">The <c>/dev/i2c-N</c> number.</param>
/// <param name="SdaHeaderPin">SDA header pin.</param>
/// <param name="SclHeaderPin">SCL header pin.</param>
public sealed record I2cBusPins(int Bus, int SdaHeaderPin, int SclHeaderPin);
