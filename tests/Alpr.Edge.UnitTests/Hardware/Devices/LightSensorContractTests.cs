using System.Device.I2c;
using Alpr.Edge.Hardware.Light;
using UnitsNet;

namespace Alpr.Edge.UnitTests.Hardware.Devices;

/// <summary>What the day/night decision needs from a light sensor; subclassed for the BH1750 binding over the simulator.</summary>
public abstract class LightSensorContractTests
{
    protected abstract LightSensor Create();

    [Fact]
    public void A_sensor_that_answers_reads_a_non_negative_illuminance()
    {
        using var sensor = Create();
        Assert.True(sensor.TryReadIlluminance(out var lux));
        Assert.True(lux >= Illuminance.Zero);
        Assert.False(string.IsNullOrWhiteSpace(sensor.Description));
    }
}

public sealed class SimulatedBh1750ContractTests : LightSensorContractTests, IDisposable
{
    private readonly SimulatedBh1750 _chip = new(new I2cConnectionSettings(1, SimulatedBh1750.DefaultAddress));

    protected override LightSensor Create() => new Bh1750LightSensor(() => _chip, "simulated BH1750");

    [Theory]
    [InlineData(0.0)]
    [InlineData(4.5)]
    [InlineData(320.0)]
    [InlineData(40000.0)]
    public void The_real_binding_reads_the_light_the_chip_sees(double lux)
    {
        _chip.Lux = lux;
        using var sensor = Create();
        Assert.True(sensor.TryReadIlluminance(out var read));
        Assert.Equal(lux, read.Lux, 0);
        Assert.True(_chip.PoweredOn);
    }

    [Fact]
    public void A_sensor_that_stops_answering_fails_the_read_and_is_picked_up_again_when_back()
    {
        using var sensor = new Bh1750LightSensor(() => _chip, "simulated BH1750");
        Assert.True(sensor.TryReadIlluminance(out _));
        _chip.Answering = false;
        Assert.False(sensor.TryReadIlluminance(out _));
        Assert.Contains("remote I/O error", ((Bh1750LightSensor)sensor).LastError);
        Assert.False(sensor.TryReadIlluminance(out _));
        _chip.Answering = true;
        _chip.Lux = 12;
        Assert.True(sensor.TryReadIlluminance(out var lux));
        Assert.Equal(12, lux.Lux, 0);
    }

    [Fact]
    public void A_missing_sensor_fails_from_the_first_read()
    {
        _chip.Answering = false;
        using var sensor = Create();
        Assert.False(sensor.TryReadIlluminance(out _));
    }

    public void Dispose() => _chip.Dispose();
}
