using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>A read as stored at the bridge.</summary>
/// <param name="Read">The read exactly as the device sent it.</param>
/// <param name="ReceivedAt">When the bridge stored it.</param>
public sealed record StoredRead(PlateReadMessage Read, DateTimeOffset ReceivedAt);
