namespace Alpr.Edge.Hardware.Rules;

/// <summary>One step of a blink pattern.</summary>
/// <param name="Lit">Whether the LED is on during the step.</param>
/// <param name="Duration">How long the step lasts.</param>
public readonly record struct LedSegment(bool Lit, TimeSpan Duration);
