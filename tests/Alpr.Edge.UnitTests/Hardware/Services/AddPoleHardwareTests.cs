using Alpr.Edge.Hardware.Composition;
using Alpr.Edge.Hardware.Illumination;
using Alpr.Edge.Hardware.Inputs;
using Alpr.Edge.Hardware.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Hardware.Services;

public sealed class AddPoleHardwareTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alpr-pinmap-").FullName;

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        builder.Services.AddPoleHardware(builder.Configuration, simulate: true);
        return builder.Build();
    }

    private static Dictionary<string, string?> Settings(string pinMap) => new()
    {
        ["Hardware:Board"] = "rpi4",
        ["Hardware:PinMapPath"] = pinMap,
    };

    [Fact]
    public async Task Simulated_pole_starts_with_the_illuminator_off_and_the_led_booting_and_stops_cleanly()
    {
        using var host = Build(Settings(Path.Combine(HardwareTestPaths.Pinouts, "rpi4.json")));
        await host.StartAsync();
        var pole = host.Services.GetRequiredService<SimulatedPole>();
        Assert.False(pole.IlluminatorLit);
        Assert.True(pole.StatusLedLit);
        Assert.True(host.Services.GetRequiredService<IlluminatorController>().Started);
        Assert.True(host.Services.GetRequiredService<InputsMonitor>().Started);
        Assert.Equal(3, host.Services.GetServices<IHostedService>().Count());
        host.Services.GetRequiredService<PoleStatusIndicator>().Set(Alpr.Edge.Hardware.Rules.PoleStatus.Running);
        await host.StopAsync();
        Assert.False(pole.StatusLedLit);
        Assert.False(pole.IlluminatorLit);
    }

    [Fact]
    public async Task A_pin_map_with_pwm_on_a_plain_pin_refuses_to_start_naming_the_pin_and_the_fix()
    {
        var map = Path.Combine(_folder, "rpi4.json");
        File.WriteAllText(map, File.ReadAllText(Path.Combine(HardwareTestPaths.Pinouts, "rpi4.json"))
            .Replace("\"headerPin\": 12, \"gpio\": 18", "\"headerPin\": 7, \"gpio\": 4", StringComparison.Ordinal));
        using var host = Build(Settings(map));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("role illuminator-pwm on header pin 7 (GPIO 4): that pin cannot do hardware PWM", ex.Message);
        Assert.Contains("12, 32, 33, 35", ex.Message);
    }

    [Fact]
    public async Task Sun_clock_without_coordinates_refuses_to_start_naming_the_keys()
    {
        var settings = Settings(Path.Combine(HardwareTestPaths.Pinouts, "rpi4.json"));
        settings["Hardware:DayNight:Source"] = "SunClock";
        using var host = Build(settings);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Hardware:DayNight:Latitude/Longitude", ex.Message);
    }

    [Fact]
    public async Task An_unknown_key_refuses_to_start()
    {
        var settings = Settings(Path.Combine(HardwareTestPaths.Pinouts, "rpi4.json"));
        settings["Hardware:Illuminator:Brightness"] = "0.5";
        using var host = Build(settings);
        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Brightness", ex.Message);
    }

    [Fact]
    public async Task A_board_that_does_not_match_the_map_refuses_to_start()
    {
        var settings = Settings(Path.Combine(HardwareTestPaths.Pinouts, "jetson-orin-nano.json"));
        using var host = Build(settings);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("is for 'jetson-orin-nano'", ex.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
