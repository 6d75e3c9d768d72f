using Alpr.Edge.Hardware.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alpr.Edge.Firmware.Hardware;

/// <summary>Composition of the pole's hardware in the firmware host.</summary>
internal static class PoleServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="PoleHardwareServiceCollectionExtensions.AddPoleHardware"/> on the simulators unless <c>Hardware:Simulate</c> is
    /// false (default true, so the demo and the tests need no board), then <see cref="PoleStatusService"/>.
    /// </summary>
    public static IServiceCollection AddPole(this IServiceCollection services, IConfiguration configuration)
    {
        var simulate = configuration.GetValue($"{HardwareOptions.SectionName}:{nameof(HardwareOptions.Simulate)}", true);
        services.AddPoleHardware(configuration, simulate);
        services.AddHostedService<PoleStatusService>();
        return services;
    }
}
