using Alpr.Edge.Contracts;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>
/// Told of each read and hit once it is committed to the device store, and of each acknowledgement the
/// bridge sends. The console output is one; tests register their own to wait for reads without sleeping.
/// Called from the pipeline's threads: implementations must be quick and thread-safe.
/// </summary>
public interface IReadReporter
{
    /// <summary>A read was stored (before it is published).</summary>
    void ReadStored(PlateReadMessage read);

    /// <summary>A hot-list hit was stored (before it is published).</summary>
    void HitStored(HotlistHitMessage hit);

    /// <summary>The bridge acknowledged these ids and the store marked them acknowledged.</summary>
    void Acknowledged(IReadOnlyList<Guid> ids);
}
