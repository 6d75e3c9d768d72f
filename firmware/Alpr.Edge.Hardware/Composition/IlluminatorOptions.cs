namespace Alpr.Edge.Hardware.Composition;

/// <summary>Settings of the IR illuminator and its safety limits (<c>Hardware:Illuminator</c>).</summary>
public sealed class IlluminatorOptions
{
    /// <summary>Dim through the <c>illuminator-pwm</c> pin; without it the illuminator is only switched.</summary>
    public bool UsePwm { get; set; } = true;

    /// <summary>PWM frequency in hertz.</summary>
    public int PwmFrequencyHz { get; set; } = 1000;

    /// <summary>Intensity at night, 0..1 (PWM duty cycle).</summary>
    public double Intensity { get; set; } = 1.0;

    /// <summary>Switch the camera's IR-cut filter through the <c>ir-cut</c> pin.</summary>
    public bool UseIrCut { get; set; } = true;

    /// <summary>Watch the illuminator's over-temperature contact on the <c>over-temperature</c> pin.</summary>
    public bool UseOverTemperatureInput { get; set; }

    /// <summary>Pulse the illuminator with the camera's exposure on the <c>strobe-sync</c> pin instead of keeping it on.</summary>
    public bool Strobe { get; set; }

    /// <summary>Path of the SoC thermal zone (millidegrees Celsius).</summary>
    public string ThermalZonePath { get; set; } = "/sys/class/thermal/thermal_zone0/temp";

    /// <summary>SoC temperature (°C) from which intensity is capped at <see cref="DeratedIntensity"/>.</summary>
    public double DerateAtCelsius { get; set; } = 75;

    /// <summary>SoC temperature (°C) from which the illuminator is off.</summary>
    public double CutOffAtCelsius { get; set; } = 85;

    /// <summary>How many degrees below a threshold the SoC must cool before the limit lifts.</summary>
    public double RecoveryHysteresisCelsius { get; set; } = 5;

    /// <summary>Intensity cap while derated, 0..1.</summary>
    public double DeratedIntensity { get; set; } = 0.5;

    /// <summary>Window over which the on-time share is measured.</summary>
    public TimeSpan DutyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest share of the window the illuminator may be on, 0..1; 1 (the default) disables the duty limit.</summary>
    public double MaxOnFraction { get; set; } = 1.0;

    /// <summary>Forced off time once the duty limit is reached.</summary>
    public TimeSpan RestPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often light, temperature and limits are evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(1);
}
