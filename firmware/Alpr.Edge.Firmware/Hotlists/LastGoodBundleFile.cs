using Alpr.Edge.Hotlists.Loading;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// The last bundle the device verified and installed, kept as received in <c>{data}/hotlist/current.bundle</c>
/// (replaced atomically) so that a restart runs it again; it is verified again when loaded.
/// </summary>
public sealed class LastGoodBundleFile
{
    /// <summary>Uses <paramref name="dataDirectory"/> (the device store's folder).</summary>
    public LastGoodBundleFile(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, "hotlist", "current.bundle");
    }

    /// <summary>Where the bundle is kept.</summary>
    public string Path { get; }

    /// <summary>The stored bundle, or null when there is none.</summary>
    public byte[]? Read() => File.Exists(Path) ? File.ReadAllBytes(Path) : null;

    /// <summary>Replaces the stored bundle (temporary file, flush, rename).</summary>
    public void Write(ReadOnlySpan<byte> bundle) => AtomicFile.WriteAllBytes(Path, bundle);
}
