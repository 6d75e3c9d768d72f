using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>A device event as stored at the bridge.</summary>
/// <param name="Event">The event exactly as the device sent it.</param>
/// <param name="ReceivedAt">When the bridge stored it.</param>
public sealed record StoredEvent(DeviceEventMessage Event, DateTimeOffset ReceivedAt);
