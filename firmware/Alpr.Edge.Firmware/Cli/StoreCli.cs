using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>Opens an existing store for the <c>store</c> verbs; every failure becomes one line and an exit code.</summary>
internal static class StoreCli
{
    /// <summary>Opens the store in <paramref name="dataDirectory"/>; null (with the line written) when it cannot.</summary>
    public static EncryptedStore? TryOpen(string verb, string? dataDirectory, string? configFile, TextWriter error, out int exitCode)
    {
        var directory = Path.GetFullPath(dataDirectory ?? new StorageOptions().DataDirectory);
        exitCode = ExitCodes.Success;
        StorageOptions options;
        try
        {
            options = LoadOptions(configFile);
        }
        catch (FirmwareConfigurationException ex)
        {
            error.WriteLine($"alpr-edge store {verb}: {ex.Message}");
            exitCode = ExitCodes.BadUsage;
            return null;
        }

        if (!File.Exists(Path.Combine(directory, EncryptedStore.FileName)))
        {
            error.WriteLine($"alpr-edge store {verb}: no store in '{directory}' ({EncryptedStore.FileName} is missing); pass the folder given to 'alpr-edge run --data DIR'");
            exitCode = ExitCodes.Failure;
            return null;
        }

        try
        {
            return EncryptedStore.Open(
                new EncryptedStoreOptions { DataDirectory = directory, DeviceId = DeviceStore.UnnamedDevice, Ring = options, CreateKeyIfMissing = false },
                TimeProvider.System);
        }
        catch (Exception ex) when (ex is StoreKeyException or StoreSchemaException or SqliteException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"alpr-edge store {verb}: {ex.Message}");
            exitCode = ExitCodes.Failure;
            return null;
        }
    }

    private static StorageOptions LoadOptions(string? configFile)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            ConfigFileCheck.Check(configFile);
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(FirmwareHost.EnvironmentPrefix);
        var options = new StorageOptions();
        builder.Build().GetSection(StorageOptions.SectionName).Bind(options);
        return options;
    }
}
