using Alpr.Edge.Storage.Ring;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>
/// Device store settings (config section <c>Storage</c>): the data folder and, inherited from
/// <see cref="RingOptions"/>, the ring's disk budget, age and sizing (<c>Storage:DiskBudgetBytes</c>...).
/// </summary>
public sealed class StorageOptions : RingOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Folder for <c>store.db</c> and its key (<c>keys/store.kek</c>); created if missing. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "edge-data";

    /// <summary>
    /// Reads without hits are committed in batches of up to this many (one transaction, one fsync); a read with a hit
    /// is committed at once, with any reads waiting before it.
    /// </summary>
    public int ReadBatchSize { get; set; } = 32;

    /// <summary>The longest a read without hits waits for its batch before it is committed anyway.</summary>
    public TimeSpan ReadBatchDelay { get; set; } = TimeSpan.FromSeconds(1);
}
