using Alpr.Edge.Hardware.Events;
using Alpr.Edge.Hardware.Illumination;
using Alpr.Edge.Hardware.Inputs;
using Alpr.Edge.Hardware.PinMaps;
using Alpr.Edge.Hardware.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Hardware.Composition;

/// <summary>Composition of the pole's hardware.</summary>
public static class PoleHardwareServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HardwareOptions"/> (section <c>Hardware</c>, unknown keys refused, validated at start-up together with
    /// the pin map), the <see cref="PinMap"/>, the devices (real, or a <see cref="SimulatedPole"/> when <paramref name="simulate"/>),
    /// <see cref="PoleHardwareEvents"/>, <see cref="PoleStatusIndicator"/>, <see cref="HardwareMetrics"/>, and the hosted services <see cref="IlluminatorController"/>,
    /// <see cref="InputsMonitor"/> and <see cref="StatusLedService"/> (also resolvable as themselves).
    /// </summary>
    public static IServiceCollection AddPoleHardware(this IServiceCollection services, IConfiguration configuration, bool simulate)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HardwareOptions>()
            .Bind(configuration.GetSection(HardwareOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HardwareOptions>, HardwareOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<HardwareMetrics>();
        services.TryAddSingleton<PoleHardwareEvents>();
        services.TryAddSingleton<PoleStatusIndicator>();
        services.TryAddSingleton(sp => PinMapLoader.Load(sp.GetRequiredService<IOptions<HardwareOptions>>().Value.ResolvePinMapPath()));
        if (simulate)
        {
            services.TryAddSingleton(sp => new SimulatedPole(
                sp.GetRequiredService<PinMap>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<HardwareOptions>>().Value.DayNight.LightSensorAddress));
            services.TryAddSingleton(sp => PoleDeviceFactory.OpenSimulated(sp.GetRequiredService<IOptions<HardwareOptions>>().Value, sp.GetRequiredService<SimulatedPole>()));
        }
        else
        {
            services.TryAddSingleton(sp => PoleDeviceFactory.OpenReal(sp.GetRequiredService<IOptions<HardwareOptions>>().Value, sp.GetRequiredService<PinMap>()));
        }

        services.TryAddSingleton<IlluminatorController>();
        services.TryAddSingleton<InputsMonitor>();
        services.TryAddSingleton<StatusLedService>();
        // Hosts start in this order and stop in reverse: the status LED shows booting first and goes off last.
        services.AddHostedService(sp => sp.GetRequiredService<StatusLedService>());
        services.AddHostedService(sp => sp.GetRequiredService<IlluminatorController>());
        services.AddHostedService(sp => sp.GetRequiredService<InputsMonitor>());
        return services;
    }

    /// <summary>Binds <see cref="HardwareOptions"/> from <paramref name="configuration"/> without validating it (for the self-test).</summary>
    public static HardwareOptions BindHardwareOptions(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new HardwareOptions();
        configuration.GetSection(HardwareOptions.SectionName).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        return options;
    }
}
