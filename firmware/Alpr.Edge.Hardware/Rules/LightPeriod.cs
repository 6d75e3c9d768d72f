namespace Alpr.Edge.Hardware.Rules;

/// <summary>Whether the scene needs infrared light.</summary>
public enum LightPeriod
{
    /// <summary>Enough ambient light: IR-cut filter in, illuminator off.</summary>
    Day,

    /// <summary>Too dark: IR-cut filter out, illuminator on (within the safety limits).</summary>
    Night,
}
