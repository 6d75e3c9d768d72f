using Alpr.Edge.Hardware.Rules;
using UnitsNet;

namespace Alpr.Edge.Hardware.Illumination;

/// <summary>What the illuminator controller decided last.</summary>
/// <param name="At">Evaluation time.</param>
/// <param name="Period">Day or night.</param>
/// <param name="Lit">Whether the illuminator is on (armed, when strobing).</param>
/// <param name="Intensity">PWM duty cycle, 0..1.</param>
/// <param name="Limit">The safety limit that applied.</param>
/// <param name="Light">Last light reading, when the sensor answered.</param>
/// <param name="SocTemperature">Last SoC temperature, when readable.</param>
public sealed record IlluminatorState(
    DateTimeOffset At,
    LightPeriod Period,
    bool Lit,
    double Intensity,
    IlluminatorLimit Limit,
    Illuminance? Light,
    Temperature? SocTemperature);
