using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>What a device says about itself: its availability (status topic) or its periodic status (health topic).</summary>
/// <param name="DeviceId">The device, from the topic.</param>
/// <param name="Availability"><c>online</c>, <c>offline</c> or <c>stopped</c>, when the message came on the status topic.</param>
/// <param name="Health">The periodic status, when the message came on the health topic.</param>
public sealed record DeviceStateUpdate(string DeviceId, string? Availability, DeviceHealthMessage? Health);
