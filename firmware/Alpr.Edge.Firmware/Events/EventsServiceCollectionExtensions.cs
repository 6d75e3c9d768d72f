using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alpr.Edge.Firmware.Events;

/// <summary>Composition of device events.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IDeviceEvents"/>.</summary>
    public static IServiceCollection AddDeviceEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<IDeviceEvents, LoggedDeviceEvents>();
        return services;
    }
}
