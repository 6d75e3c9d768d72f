using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.Hardware.Events;

/// <summary>The illuminator's safety limit changed (derated, cut off for temperature, resting, back to normal).</summary>
/// <param name="At">When the limit changed.</param>
/// <param name="Limit">The new limit.</param>
public sealed record IlluminatorLimitChangedEvent(DateTimeOffset At, IlluminatorLimit Limit)
{
    /// <summary>Whether this is an over-temperature condition (cut-off by the SoC temperature or by the illuminator's contact).</summary>
    public bool IsOverTemperature => Limit.State is IlluminatorLimitState.TemperatureCutOff or IlluminatorLimitState.OverTemperatureInput;
}
