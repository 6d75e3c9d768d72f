namespace Alpr.Edge.Hardware.Rules;

/// <summary>Why the illuminator may or may not run at full intensity.</summary>
public enum IlluminatorLimitState
{
    /// <summary>No limit.</summary>
    Normal,

    /// <summary>SoC temperature past the derate point (or unreadable): intensity capped.</summary>
    Derated,

    /// <summary>On for too large a share of the duty window: off for the rest period.</summary>
    DutyRest,

    /// <summary>SoC temperature past the cut-off: off until it cools by the hysteresis.</summary>
    TemperatureCutOff,

    /// <summary>The illuminator's own over-temperature contact is active: off until it clears.</summary>
    OverTemperatureInput,
}
