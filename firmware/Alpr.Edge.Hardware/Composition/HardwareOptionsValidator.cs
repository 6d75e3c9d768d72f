using Alpr.Edge.Hardware.PinMaps;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>
/// Start-up check of <see cref="HardwareOptions"/>: ranges and cross-field rules, then the pin map is loaded and checked against
/// the board and the configuration. Each message names the key or pin and the fix; the host refuses to start on any.
/// </summary>
public sealed class HardwareOptionsValidator : IValidateOptions<HardwareOptions>
{
    private const string S = HardwareOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!BoardProfiles.TryGet(options.Board ?? string.Empty, out _))
        {
            failures.Add($"{S}:Board '{options.Board}' is not supported; set it to {string.Join(", ", BoardProfiles.All.Select(b => b.Id))}");
        }

        CheckDayNight(options.DayNight, failures);
        CheckIlluminator(options.Illuminator, failures);
        CheckInputs(options.Inputs, failures);
        if (failures.Count == 0)
        {
            try
            {
                var map = PinMapLoader.Load(options.ResolvePinMapPath());
                if (!string.Equals(map.Board, options.Board, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{S}:Board is '{options.Board}' but pin map {map.Source} is for '{map.Board}'; set {S}:Board or {S}:PinMapPath to match");
                }

                failures.AddRange(PinMapValidator.Validate(map, options.Requirements()).Select(p => $"pin map {map.Source}: {p}"));
            }
            catch (PinMapException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDayNight(DayNightOptions o, List<string> failures)
    {
        if (o.NightBelowLux is < 0 or > 100_000 || double.IsNaN(o.NightBelowLux) || o.DayAboveLux <= o.NightBelowLux || double.IsNaN(o.DayAboveLux))
        {
            failures.Add($"{S}:DayNight:NightBelowLux ({o.NightBelowLux}) must be 0 or more and below {S}:DayNight:DayAboveLux ({o.DayAboveLux}); e.g. 10 and 50");
        }

        if (o.MinimumDwell < TimeSpan.Zero || o.TwilightMargin < TimeSpan.Zero || o.TwilightMargin > TimeSpan.FromHours(2))
        {
            failures.Add($"{S}:DayNight:MinimumDwell must not be negative and {S}:DayNight:TwilightMargin must be 00:00:00..02:00:00");
        }

        var hasCoordinates = o.Latitude is not null && o.Longitude is not null;
        if (o.Source == DayNightSource.SunClock && !hasCoordinates)
        {
            failures.Add($"{S}:DayNight:Source is SunClock but {S}:DayNight:Latitude/Longitude are not set; set the site's coordinates (degrees north/east) or use LightSensor");
        }

        if (o.Latitude is { } lat && (lat is < -90 or > 90 || double.IsNaN(lat)))
        {
            failures.Add($"{S}:DayNight:Latitude must be -90..90 (degrees north), got {lat}");
        }

        if (o.Longitude is { } lon && (lon is < -180 or > 180 || double.IsNaN(lon)))
        {
            failures.Add($"{S}:DayNight:Longitude must be -180..180 (degrees east; west is negative), got {lon}");
        }

        if (o.LightSensorAddress is not (0x23 or 0x5C))
        {
            failures.Add($"{S}:DayNight:LightSensorAddress must be 35 (0x23, ADDR low) or 92 (0x5C, ADDR high), got {o.LightSensorAddress}");
        }
    }

    private static void CheckIlluminator(IlluminatorOptions o, List<string> failures)
    {
        if (o.PwmFrequencyHz is < 1 or > 100_000)
        {
            failures.Add($"{S}:Illuminator:PwmFrequencyHz must be 1..100000, got {o.PwmFrequencyHz}; 1000 suits most IR drivers");
        }

        if (o.Intensity is < 0 or > 1 || double.IsNaN(o.Intensity) || o.DeratedIntensity is < 0 or > 1 || double.IsNaN(o.DeratedIntensity))
        {
            failures.Add($"{S}:Illuminator:Intensity and DeratedIntensity must be 0..1, got {o.Intensity} and {o.DeratedIntensity}");
        }

        if (o.DerateAtCelsius >= o.CutOffAtCelsius || o.CutOffAtCelsius > 110 || o.RecoveryHysteresisCelsius is <= 0 or > 30)
        {
            failures.Add($"{S}:Illuminator:DerateAtCelsius ({o.DerateAtCelsius}) must be below CutOffAtCelsius ({o.CutOffAtCelsius}, at most 110) and RecoveryHysteresisCelsius ({o.RecoveryHysteresisCelsius}) 0..30; e.g. 75, 85 and 5");
        }

        if (o.MaxOnFraction is <= 0 or > 1 || double.IsNaN(o.MaxOnFraction) || o.DutyWindow <= TimeSpan.Zero || o.RestPeriod < TimeSpan.Zero)
        {
            failures.Add($"{S}:Illuminator:MaxOnFraction must be above 0 and at most 1 (1 = no duty limit), DutyWindow positive and RestPeriod not negative");
        }

        if (o.EvaluationInterval < TimeSpan.FromMilliseconds(100) || o.EvaluationInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{S}:Illuminator:EvaluationInterval must be 00:00:00.1..00:01:00, got {o.EvaluationInterval}");
        }

        if (string.IsNullOrWhiteSpace(o.ThermalZonePath))
        {
            failures.Add($"{S}:Illuminator:ThermalZonePath is empty; set it to /sys/class/thermal/thermal_zone0/temp");
        }
    }

    private static void CheckInputs(InputOptions o, List<string> failures)
    {
        if (o.PollInterval < TimeSpan.FromMilliseconds(1) || o.PollInterval > TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{S}:Inputs:PollInterval must be 00:00:00.001..00:00:00.1, got {o.PollInterval}");
        }

        if (o.TriggerDebounce < o.PollInterval || o.TamperDebounce < o.PollInterval)
        {
            failures.Add($"{S}:Inputs:TriggerDebounce and TamperDebounce must be at least PollInterval ({o.PollInterval}); a shorter debounce cannot be measured");
        }

        if (o.TriggerWindowHold < TimeSpan.Zero)
        {
            failures.Add($"{S}:Inputs:TriggerWindowHold must not be negative");
        }
    }
}
