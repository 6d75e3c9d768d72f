namespace Alpr.Edge.Hardware.Rules;

/// <summary>Sunrise and sunset (UTC) of one local solar day.</summary>
/// <param name="Sunrise">When the upper limb of the sun rises (refraction included).</param>
/// <param name="Sunset">When it sets.</param>
public readonly record struct SunTimes(DateTimeOffset Sunrise, DateTimeOffset Sunset);
