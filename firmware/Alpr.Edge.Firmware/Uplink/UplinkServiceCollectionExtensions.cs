using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Composition of the MQTT uplink.</summary>
public static class UplinkServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="UplinkOptions"/> and runs the uplink.</summary>
    public static IServiceCollection AddUplink(this IServiceCollection services)
    {
        services.AddOptions<UplinkOptions>().BindConfiguration(UplinkOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UplinkOptions>, UplinkOptionsValidator>();
        services.AddSingleton<UplinkMetrics>();
        services.AddHostedService<UplinkService>();
        return services;
    }
}
