namespace Alpr.Edge.Hardware.Rules;

/// <summary>
/// Sunrise and sunset from the site's coordinates with NOAA's "General Solar Position Calculations" (fractional year,
/// equation of time and declination series; zenith 90.833° for refraction and the sun's radius). Accurate to a minute
/// or two between the polar circles, which is plenty for switching an IR-cut filter.
/// </summary>
public static class SolarCalculator
{
    private const double ZenithDegrees = 90.833;

    /// <summary>
    /// Sun times of the local solar day that contains <paramref name="date"/>'s calendar day at
    /// <paramref name="longitude"/>. Returns <see langword="false"/> on polar days and nights, with
    /// <paramref name="polarPeriod"/> saying which.
    /// </summary>
    /// <param name="date">The UTC calendar day (time of day ignored).</param>
    /// <param name="latitude">Degrees north, -90..90.</param>
    /// <param name="longitude">Degrees east, -180..180.</param>
    /// <param name="times">Sunrise and sunset in UTC when the sun rises and sets that day.</param>
    /// <param name="polarPeriod">Day (midnight sun) or night (polar night) when it does not.</param>
    public static bool TryGetSunTimes(DateOnly date, double latitude, double longitude, out SunTimes times, out LightPeriod polarPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitude), 90, nameof(latitude));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(longitude), 180, nameof(longitude));
        var daysInYear = DateTime.IsLeapYear(date.Year) ? 366 : 365;
        var gamma = 2 * Math.PI / daysInYear * (date.DayOfYear - 1);
        var equationOfTimeMinutes = 229.18 * (0.000075 + (0.001868 * Math.Cos(gamma)) - (0.032077 * Math.Sin(gamma))
            - (0.014615 * Math.Cos(2 * gamma)) - (0.040849 * Math.Sin(2 * gamma)));
        var declination = 0.006918 - (0.399912 * Math.Cos(gamma)) + (0.070257 * Math.Sin(gamma)) - (0.006758 * Math.Cos(2 * gamma))
            + (0.000907 * Math.Sin(2 * gamma)) - (0.002697 * Math.Cos(3 * gamma)) + (0.00148 * Math.Sin(3 * gamma));
        var phi = latitude * Math.PI / 180;
        var cosHourAngle = (Math.Cos(ZenithDegrees * Math.PI / 180) / (Math.Cos(phi) * Math.Cos(declination))) - (Math.Tan(phi) * Math.Tan(declination));
        if (cosHourAngle > 1 || cosHourAngle < -1 || double.IsNaN(cosHourAngle))
        {
            times = default;
            polarPeriod = cosHourAngle > 1 || (double.IsNaN(cosHourAngle) && latitude * declination < 0) ? LightPeriod.Night : LightPeriod.Day;
            return false;
        }

        var hourAngleDegrees = Math.Acos(cosHourAngle) * 180 / Math.PI;
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var sunriseMinutes = 720 - (4 * (longitude + hourAngleDegrees)) - equationOfTimeMinutes;
        var sunsetMinutes = 720 - (4 * (longitude - hourAngleDegrees)) - equationOfTimeMinutes;
        times = new SunTimes(midnight.AddMinutes(sunriseMinutes), midnight.AddMinutes(sunsetMinutes));
        polarPeriod = LightPeriod.Day;
        return true;
    }

    /// <summary>
    /// Day or night at <paramref name="now"/>: day from sunrise + <paramref name="margin"/> to sunset - <paramref name="margin"/>,
    /// so the illuminator covers dusk and dawn.
    /// </summary>
    public static LightPeriod PeriodAt(DateTimeOffset now, double latitude, double longitude, TimeSpan margin)
    {
        // The local solar day: shift by the longitude so a site far from Greenwich gets its own sunrise and sunset.
        var localSolar = now.UtcDateTime.AddHours(longitude / 15);
        if (!TryGetSunTimes(DateOnly.FromDateTime(localSolar), latitude, longitude, out var times, out var polar))
        {
            return polar;
        }

        return now >= times.Sunrise + margin && now < times.Sunset - margin ? LightPeriod.Day : LightPeriod.Night;
    }
}
