using Alpr.Edge.Hardware.Rules;

namespace Alpr.Edge.UnitTests.Hardware.Rules;

public sealed class SolarCalculatorTests
{
    // Reference times from NOAA's solar calculator (gml.noaa.gov/grad/solcalc), UTC.
    [Theory]
    [InlineData(2024, 6, 21, 51.5074, -0.1278, "03:43", "20:21")] // London, midsummer
    [InlineData(2024, 12, 21, 51.5074, -0.1278, "08:04", "15:54")] // London, midwinter
    [InlineData(2024, 3, 20, 0.0, 0.0, "06:04", "18:11")] // Gulf of Guinea, equinox
    [InlineData(2024, 7, 4, 40.7128, -74.0060, "09:29", "00:31")] // New York: sunset after UTC midnight
    public void Sunrise_and_sunset_match_the_NOAA_calculator_within_three_minutes(int year, int month, int day, double lat, double lon, string sunrise, string sunset)
    {
        var date = new DateOnly(year, month, day);
        Assert.True(SolarCalculator.TryGetSunTimes(date, lat, lon, out var times, out _));
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var expectedRise = midnight + TimeOnly.Parse(sunrise).ToTimeSpan();
        var expectedSet = midnight + TimeOnly.Parse(sunset).ToTimeSpan();
        if (expectedSet < expectedRise)
        {
            expectedSet = expectedSet.AddDays(1);
        }

        Assert.InRange((times.Sunrise - expectedRise).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(3));
        Assert.InRange((times.Sunset - expectedSet).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Polar_night_and_midnight_sun_are_reported_without_times()
    {
        Assert.False(SolarCalculator.TryGetSunTimes(new DateOnly(2024, 12, 21), 69.65, 18.96, out _, out var winter));
        Assert.Equal(LightPeriod.Night, winter);
        Assert.False(SolarCalculator.TryGetSunTimes(new DateOnly(2024, 6, 21), 69.65, 18.96, out _, out var summer));
        Assert.Equal(LightPeriod.Day, summer);
    }

    [Fact]
    public void Period_uses_the_margin_so_the_illuminator_covers_dusk()
    {
        var margin = TimeSpan.FromMinutes(20);
        Assert.Equal(LightPeriod.Day, SolarCalculator.PeriodAt(new DateTimeOffset(2024, 6, 21, 12, 0, 0, TimeSpan.Zero), 51.5, -0.13, margin));
        Assert.Equal(LightPeriod.Night, SolarCalculator.PeriodAt(new DateTimeOffset(2024, 6, 21, 20, 10, 0, TimeSpan.Zero), 51.5, -0.13, margin));
        Assert.Equal(LightPeriod.Night, SolarCalculator.PeriodAt(new DateTimeOffset(2024, 6, 21, 23, 30, 0, TimeSpan.Zero), 51.5, -0.13, margin));
        // New York, 20:00 local (00:00 UTC next day) in July is still daylight; 01:30 UTC is night.
        Assert.Equal(LightPeriod.Day, SolarCalculator.PeriodAt(new DateTimeOffset(2024, 7, 5, 0, 0, 0, TimeSpan.Zero), 40.71, -74.0, TimeSpan.Zero));
        Assert.Equal(LightPeriod.Night, SolarCalculator.PeriodAt(new DateTimeOffset(2024, 7, 5, 1, 30, 0, TimeSpan.Zero), 40.71, -74.0, TimeSpan.Zero));
    }
}
