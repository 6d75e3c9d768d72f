using Alpr.Edge.Firmware.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>Composition of the device store (the outbox).</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="DeviceStore"/> in <see cref="StorageOptions.DataDirectory"/> and the <see cref="OutboxSignal"/>.</summary>
    public static IServiceCollection AddDeviceStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory;
            try
            {
                return DeviceStore.Open(directory, sp.GetRequiredService<TimeProvider>());
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
            {
                throw new FirmwareConfigurationException($"Storage:DataDirectory '{directory}' cannot hold the device store: {ex.Message} (--data DIR)", ex);
            }
        });
        return services;
    }
}
