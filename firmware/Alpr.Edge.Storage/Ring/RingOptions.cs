namespace Alpr.Edge.Storage.Ring;

/// <summary>
/// Ring settings: how much the store may keep and for how long. In the firmware they are keys of the
/// <c>Storage</c> config section (<c>Storage:DiskBudgetBytes</c>...), next to the data folder.
/// </summary>
public class RingOptions
{
    /// <summary>Config section the keys live in (used in validation messages).</summary>
    public const string KeyPrefix = "Storage";

    /// <summary>Logical bytes the store may hold (sealed blobs plus a per-record overhead). Default 16 GiB.</summary>
    public long DiskBudgetBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Acknowledged records older than this leave the ring (held ones stay). Default 30 days.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The budget must hold at least this long at the expected traffic. Default 30 days.</summary>
    public TimeSpan MinimumRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Reads per day the device is sized for (all cameras together). Default 20,000.</summary>
    public int ExpectedReadsPerDay { get; set; } = 20_000;

    /// <summary>Stored bytes per read the device is sized for, images included. Default 24 KiB.</summary>
    public int ExpectedBytesPerRead { get; set; } = 24 * 1024;

    /// <summary>Most records one purge step removes or strips (bounded work, so capture never stalls). Default 256.</summary>
    public int PurgeBatchSize { get; set; } = 256;

    /// <summary>How often the maintenance service runs a purge step and a WAL checkpoint. Default 5 s.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes counted for each record on top of its sealed blobs (row, indexes, page slack).</summary>
    public const int RecordOverheadBytes = 160;
}
