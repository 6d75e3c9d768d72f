namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>Hot-list settings (config section <c>Hotlists</c>).</summary>
public sealed class HotlistOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Hotlists";

    /// <summary>
    /// A local CSV file (see docs/hotlists.md; header <c>plate,list,category,case</c> at least), matched alongside the
    /// signed list from the bridge; none means only the bridge's list (and none at all means every read is still kept
    /// and sent, nothing alerts).
    /// </summary>
    public string? File { get; set; }

    /// <summary>
    /// PEM files of the bridge public keys whose signed hot-list bundles this device installs
    /// (<c>alpr-bridge hotlist keygen</c> writes one). None means bundles from the bridge are refused.
    /// </summary>
    public string[] TrustedKeyFiles { get; set; } = [];

    /// <summary>Largest bundle accepted from the broker, in bytes (default 128 MiB: about 2 million entries).</summary>
    public int MaxBundleBytes { get; set; } = 128 * 1024 * 1024;
}
