using UnitsNet;

namespace Alpr.Edge.Hardware.Rules;

/// <summary>Thresholds of <see cref="IlluminatorSafety"/>.</summary>
public sealed record IlluminatorSafetyLimits
{
    /// <summary>SoC temperature from which intensity is capped at <see cref="DeratedIntensity"/>.</summary>
    public Temperature DerateAt { get; init; } = Temperature.FromDegreesCelsius(75);

    /// <summary>SoC temperature from which the illuminator is off.</summary>
    public Temperature CutOffAt { get; init; } = Temperature.FromDegreesCelsius(85);

    /// <summary>How far below a threshold the temperature must fall before the limit lifts.</summary>
    public TemperatureDelta RecoveryHysteresis { get; init; } = TemperatureDelta.FromDegreesCelsius(5);

    /// <summary>Intensity cap while derated, 0..1.</summary>
    public double DeratedIntensity { get; init; } = 0.5;

    /// <summary>Window over which the on-time share is measured.</summary>
    public TimeSpan DutyWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest share of <see cref="DutyWindow"/> the illuminator may be on, 0..1; 1 disables the duty limit.</summary>
    public double MaxOnFraction { get; init; } = 1.0;

    /// <summary>How long the illuminator stays off once the duty limit is reached.</summary>
    public TimeSpan RestPeriod { get; init; } = TimeSpan.FromMinutes(1);
}
