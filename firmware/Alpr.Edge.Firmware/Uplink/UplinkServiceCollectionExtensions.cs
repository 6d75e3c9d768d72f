using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Composition of the MQTT uplink.</summary>
public static class UplinkServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="UplinkOptions"/> (validated at start-up), the uplink's metrics, the periodic status
    /// (with the camera and illuminator contributors) and the service that runs the uplink. Inbound handlers
    /// (<see cref="IInboundMessageHandler"/>) and further <see cref="IStatusContributor"/>s are registered by their areas.
    /// </summary>
    public static IServiceCollection AddUplink(this IServiceCollection services)
    {
        services.AddOptions<UplinkOptions>().BindConfiguration(UplinkOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UplinkOptions>, UplinkOptionsValidator>();
        services.AddSingleton<UplinkMetrics>();
        services.AddSingleton<BridgeMessageTrust>();
        services.AddSingleton<IStatusContributor, CameraStatusContributor>();
        services.AddSingleton<IStatusContributor, IlluminatorStatusContributor>();
        services.AddSingleton<DeviceHealthCollector>();
        services.AddSingleton<IInboundMessageHandler, DeviceCommandHandler>();
        services.AddHostedService<UplinkService>();
        return services;
    }
}
