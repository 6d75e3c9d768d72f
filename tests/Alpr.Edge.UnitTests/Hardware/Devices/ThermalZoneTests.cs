using Alpr.Edge.Hardware.Thermal;
using Microsoft.Extensions.Time.Testing;
using UnitsNet;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

public sealed class ThermalZoneTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alpr-thermal-").FullName;

    [Fact]
    public void Sysfs_zone_reads_millidegrees()
    {
        var path = Path.Combine(_folder, "temp");
        File.WriteAllText(path, "52312\n");
        Assert.True(new SysfsThermalZone(path).TryReadTemperature(out var t));
        Assert.Equal(52.312, t.DegreesCelsius, 3);
    }

    [Fact]
    public void Sysfs_zone_that_is_missing_or_garbled_is_unreadable()
    {
        Assert.False(new SysfsThermalZone(Path.Combine(_folder, "none")).TryReadTemperature(out _));
        var path = Path.Combine(_folder, "temp");
        File.WriteAllText(path, "hot");
        Assert.False(new SysfsThermalZone(path).TryReadTemperature(out _));
    }

    [Fact]
    public void Simulated_zone_ramps_linearly_on_the_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 14, 0, 0, TimeSpan.Zero));
        var zone = new SimulatedThermalZone(time, Temperature.FromDegreesCelsius(60));
        zone.RampTo(Temperature.FromDegreesCelsius(90), TimeSpan.FromMinutes(30));
        time.Advance(TimeSpan.FromMinutes(15));
        Assert.True(zone.TryReadTemperature(out var half));
        Assert.Equal(75, half.DegreesCelsius, 3);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(90, zone.Current.DegreesCelsius, 3);
        zone.Readable = false;
        Assert.False(zone.TryReadTemperature(out _));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
