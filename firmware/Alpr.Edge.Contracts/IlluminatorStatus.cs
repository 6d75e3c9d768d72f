namespace Alpr.Edge.Contracts;

/// <summary>The illuminator's last decision.</summary>
/// <param name="Period"><c>Day</c> or <c>Night</c>.</param>
/// <param name="Lit">Whether it is on.</param>
/// <param name="Intensity">PWM duty cycle, 0..1.</param>
/// <param name="Limit">The safety limit in force (<c>Normal</c>, <c>Derated</c>, <c>TemperatureCutOff</c>...).</param>
public sealed record IlluminatorStatus(string Period, bool Lit, double Intensity, string Limit);
