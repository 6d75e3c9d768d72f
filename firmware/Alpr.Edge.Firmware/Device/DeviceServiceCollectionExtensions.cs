using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Device;

/// <summary>Composition of the device identity.</summary>
public static class DeviceServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="DeviceOptions"/>; the device id defaults to the host name.</summary>
    public static IServiceCollection AddDeviceIdentity(this IServiceCollection services)
    {
        services.AddOptions<DeviceOptions>().BindConfiguration(DeviceOptions.SectionName).ValidateOnStart();
        services.PostConfigure<DeviceOptions>(o => o.DeviceId ??= DeviceIdentity.FromHostName(Environment.MachineName));
        services.AddSingleton<IValidateOptions<DeviceOptions>, DeviceOptionsValidator>();
        return services;
    }
}
