namespace Alpr.Edge.Firmware.Storage;

/// <summary>Device store settings (config section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Folder for <c>device.db</c>; created if missing. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "edge-data";
}
