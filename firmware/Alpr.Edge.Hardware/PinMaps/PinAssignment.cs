using System.Text.Json.Serialization;

namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>One role on one header pin.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PinAssignment
{
    /// <summary>What the pin does.</summary>
    public required PinRole Role { get; init; }

    /// <summary>Physical pin on the 40-pin header (1..40), what the field tech wires to.</summary>
    public required int HeaderPin { get; init; }

    /// <summary>Line offset on the board's GPIO chip (on a Raspberry Pi: the BCM number).</summary>
    public required int Gpio { get; init; }

    /// <summary>Bias of the line.</summary>
    public PinPull Pull { get; init; } = PinPull.None;

    /// <summary>For inputs: the contact is active when the line reads low.</summary>
    public bool ActiveLow { get; init; }

    /// <summary>For <see cref="PinRole.IlluminatorPwm"/>: the <c>/sys/class/pwm/pwmchipN</c> number.</summary>
    public int? PwmChip { get; init; }

    /// <summary>For <see cref="PinRole.IlluminatorPwm"/>: the channel on that chip.</summary>
    public int? PwmChannel { get; init; }

    /// <summary>Free text for the wiring table (cable colour, connector).</summary>
    public string? Note { get; init; }
}
