using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>A checked message from a device: exactly one of <see cref="Read"/> and <see cref="Hit"/> is set.</summary>
/// <param name="DeviceId">The device, from the topic (and equal to the payload's).</param>
/// <param name="Read">A read, when the message came on a read topic.</param>
/// <param name="Hit">A hit, when the message came on a hit topic.</param>
public sealed record IngestRecord(string DeviceId, PlateReadMessage? Read, HotlistHitMessage? Hit)
{
    /// <summary>The id the device will see in the acknowledgement.</summary>
    public Guid Id => Read?.Id ?? Hit?.Id ?? Guid.Empty;
}
