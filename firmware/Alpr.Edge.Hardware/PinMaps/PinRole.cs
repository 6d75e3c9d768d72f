using System.Text.Json.Serialization;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>What a header pin does on the pole.</summary>
public enum PinRole
{
    /// <summary>Output: switches the IR illuminator's driver on (high) and off (low).</summary>
    [JsonStringEnumMemberName("illuminator-enable")]
    IlluminatorEnable,

    /// <summary>Hardware PWM output: the illuminator driver's dimming input.</summary>
    [JsonStringEnumMemberName("illuminator-pwm")]
    IlluminatorPwm,

    /// <summary>Output: the camera's IR-cut filter (high = filter in, day).</summary>
    [JsonStringEnumMemberName("ir-cut")]
    IrCut,

    /// <summary>Input: vehicle trigger contact (loop detector, radar).</summary>
    [JsonStringEnumMemberName("trigger")]
    Trigger,

    /// <summary>Input: enclosure tamper switch.</summary>
    [JsonStringEnumMemberName("tamper")]
    Tamper,

    /// <summary>Output: status LED.</summary>
    [JsonStringEnumMemberName("status-led")]
    StatusLed,

    /// <summary>Input: the illuminator's own over-temperature contact.</summary>
    [JsonStringEnumMemberName("over-temperature")]
    OverTemperature,

    /// <summary>Input: the camera's frame (exposure) sync line, for strobing the illuminator.</summary>
    [JsonStringEnumMemberName("strobe-sync")]
    StrobeSync,
}
