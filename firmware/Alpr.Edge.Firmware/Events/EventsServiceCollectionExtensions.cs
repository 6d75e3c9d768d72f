using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alpr.Edge.Firmware.Events;

/// <summary>Composition of device events.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDeviceEvents"/> over the device store (<see cref="StoredDeviceEvents"/>; needs
    /// <c>AddDeviceStore</c>) and the services that raise events for tamper, over-temperature, camera losses and the store's budget alarms.
    /// </summary>
    public static IServiceCollection AddDeviceEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<IDeviceEvents, StoredDeviceEvents>();
        services.AddHostedService<HardwareEventsService>();
        services.AddHostedService<StoreAlarmEventsService>();
        services.AddHostedService<CameraEventsService>();
        return services;
    }
}
