using Alpr.Edge.Firmware.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// The data folder of a <c>run</c> that did not exist before it. When the run is refused for a wrong setting, the
/// folder (fresh keys and an empty store) is removed again, so a typo leaves nothing behind; a folder that holds any
/// read or hit, or that existed before, is never touched.
/// </summary>
internal sealed class NewDataFolder
{
    private readonly string _path;

    private NewDataFolder(string path) => _path = path;

    /// <summary>The host's data folder when it does not exist yet; null when it does, or the setting is unreadable.</summary>
    public static NewDataFolder? Of(IHost host)
    {
        string path;
        try
        {
            path = Path.GetFullPath(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        return Directory.Exists(path) ? null : new NewDataFolder(path);
    }

    /// <summary>Removes the folder if the run created it and stored nothing in it.</summary>
    public void RemoveIfEmpty()
    {
        if (!Directory.Exists(_path))
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(_path, DeviceStore.FileName)))
            {
                using var store = DeviceStore.Open(_path, TimeProvider.System);
                var stats = store.Ring.GetStats();
                if (stats.Reads + stats.Hits > 0)
                {
                    return;
                }
            }

            Directory.Delete(_path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException
            or Microsoft.Data.Sqlite.SqliteException or System.Security.Cryptography.CryptographicException)
        {
            // Left as it is: a folder that cannot be read as an empty store is kept.
        }
    }
}
