using System.Security.Cryptography;

namespace Alpr.Edge.Storage.Keys;

/// <summary>
/// The device key-encryption key on disk: exactly 32 random bytes in a file only its owner may read
/// (mode 0600), written at provisioning. A file that group or others can access is refused.
/// </summary>
public static class KeyFile
{
    /// <summary>Key length in bytes (AES-256).</summary>
    public const int KeyBytes = 32;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Writes a new random key to <paramref name="path"/> (mode 0600, flushed to disk); fails if the file exists.</summary>
    public static void CreateNew(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (File.Exists(path))
        {
            throw new IOException($"Key file '{path}' already exists; it is never overwritten");
        }

        // Written to a temporary name and renamed, so a crash never leaves a short key file behind.
        var temporary = path + ".tmp";
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(key);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, OwnerOnly);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Reads a key; throws <see cref="StoreKeyException"/> when it is missing, the wrong size or readable by others.</summary>
    public static byte[] Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new StoreKeyException($"Key file '{path}' does not exist; provision the device (alpr-edge store init-key) or restore the key file");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            throw new StoreKeyException($"Key file '{path}' can be read by other users; run 'chmod 600 {path}' (owner-only) and start again");
        }

        var key = File.ReadAllBytes(path);
        if (key.Length != KeyBytes)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new StoreKeyException($"Key file '{path}' holds {key.Length} bytes, not {KeyBytes}; restore the provisioned key file");
        }

        return key;
    }
}
