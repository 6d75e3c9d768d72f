using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Storage.Sqlite;

/// <summary>
/// Keeps the store's folder owner-only (0700) and its database file owner-only (0600) on Unix: created so, and narrowed
/// with a warning when found wider (a folder an older bridge made 0755, a file copied in). SQLite gives its -wal and -shm
/// files the database's mode. Disk encryption (LUKS) is the deployment's part; docs/bridge.md.
/// </summary>
internal static class OwnerOnlyFiles
{
    /// <summary>Read, write and search for the owner only.</summary>
    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Read and write for the owner only.</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="directory"/> 0700, or narrows it to that when others may enter it.</summary>
    public static void EnsureFolder(string directory, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, Folder);
            return;
        }

        Narrow(directory, Folder, logger);
    }

    /// <summary>Creates <paramref name="path"/> empty and 0600 when missing (SQLite takes an empty file as a new database), or narrows it.</summary>
    public static void EnsureFile(string path, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!System.IO.File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = File });
            return;
        }

        Narrow(path, File, logger);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Narrow(string path, UnixFileMode wanted, ILogger logger)
    {
        var mode = System.IO.File.GetUnixFileMode(path);
        if ((mode & OthersAndGroup) != 0)
        {
            System.IO.File.SetUnixFileMode(path, wanted);
            StorageLog.ModeNarrowed(logger, path, Octal(mode), Octal(wanted));
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
