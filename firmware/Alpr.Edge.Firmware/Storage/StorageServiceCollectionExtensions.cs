using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Maintenance;
using Alpr.Edge.Storage.Ring;
using Alpr.Edge.Storage.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>Composition of the device store (the encrypted ring and outbox).</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="DeviceStore"/> in <see cref="StorageOptions.DataDirectory"/> (the encrypted ring,
    /// bound to the device id), the <see cref="OutboxSignal"/> and the ring's maintenance service.
    /// </summary>
    public static IServiceCollection AddDeviceStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IOptions<RingOptions>>(sp => Options.Create<RingOptions>(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ReadBatcher>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var deviceId = sp.GetRequiredService<IOptions<DeviceOptions>>().Value.DeviceId ?? DeviceStore.UnnamedDevice;
            try
            {
                return DeviceStore.Open(options.DataDirectory, sp.GetRequiredService<TimeProvider>(), deviceId, options, sp.GetRequiredService<ILogger<EncryptedStore>>());
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or StoreKeyException or StoreSchemaException)
            {
                throw new FirmwareConfigurationException($"Storage:DataDirectory '{options.DataDirectory}' cannot hold the device store: {ex.Message} (--data DIR)", ex);
            }
        });
        services.AddSingleton(sp => sp.GetRequiredService<DeviceStore>().Ring);
        services.AddHostedService<RingMaintenanceService>();
        return services;
    }
}
