using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>A checked message from a device: exactly one of <see cref="Read"/>, <see cref="Hit"/> and <see cref="Event"/> is set.</summary>
/// <param name="DeviceId">The device, from the topic (and equal to the payload's).</param>
/// <param name="Read">A read, when the message came on a read topic.</param>
/// <param name="Hit">A hit, when the message came on a hit topic.</param>
/// <param name="Event">A device event, when the message came on an event topic.</param>
public sealed record IngestRecord(string DeviceId, PlateReadMessage? Read, HotlistHitMessage? Hit, DeviceEventMessage? Event = null)
{
    /// <summary>The id the device will see in the acknowledgement.</summary>
    public Guid Id => Read?.Id ?? Hit?.Id ?? Event?.Id ?? Guid.Empty;

    /// <summary><c>read</c>, <c>hit</c> or <c>event</c>.</summary>
    public string Kind => Read is not null ? "read" : Hit is not null ? "hit" : "event";
}
