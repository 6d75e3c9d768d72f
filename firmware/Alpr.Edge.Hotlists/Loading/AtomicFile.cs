namespace Alpr.Edge.Hotlists.Loading;

/// <summary>
/// Replaces a file so that a crash or power cut leaves either the old or the new content, never a mix: write to a
/// temporary file in the same folder, flush it to disk, rename it over the target, then flush the folder.
/// </summary>
public static class AtomicFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/> atomically, readable only by the owner when <paramref name="ownerOnly"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents, bool ownerOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (ownerOnly && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        FlushDirectory(directory);
    }

    /// <summary>Makes the rename itself durable where the platform allows opening a folder (Linux); elsewhere a no-op.</summary>
    private static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            using var handle = File.OpenHandle(directory, FileMode.Open, FileAccess.Read);
            RandomAccess.FlushToDisk(handle);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // The file's own data is on disk; only the rename's durability is best effort here.
        }
    }
}
