using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.Hardware.Events;

/// <summary>Day/night changed; the IR-cut filter and illuminator follow.</summary>
/// <param name="At">When the decision changed.</param>
/// <param name="Period">The new period.</param>
/// <param name="Reason">What decided it (light level or sun times).</param>
public sealed record DayNightChangedEvent(DateTimeOffset At, LightPeriod Period, string Reason);
