namespace Alpr.Edge.Hardware.Composition;

/// <summary>Settings of the trigger and tamper inputs (<c>Hardware:Inputs</c>).</summary>
public sealed class InputOptions
{
    /// <summary>A vehicle trigger is wired to the <c>trigger</c> pin; recognition may then run on trigger windows only.</summary>
    public bool TriggerEnabled { get; set; }

    /// <summary>How long the trigger contact must hold a level to count.</summary>
    public TimeSpan TriggerDebounce { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long the tamper switch must hold a level to count.</summary>
    public TimeSpan TamperDebounce { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long frames stay eligible for recognition after the trigger releases.</summary>
    public TimeSpan TriggerWindowHold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the inputs are sampled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(5);
}
