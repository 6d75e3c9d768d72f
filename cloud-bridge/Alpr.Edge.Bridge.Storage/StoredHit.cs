using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>A hit as stored at the bridge; <c>Hit.Verification</c> is the bridge's state, not the device's claim.</summary>
/// <param name="Hit">The hit, with its current verification state.</param>
/// <param name="ReceivedAt">When the bridge stored it.</param>
public sealed record StoredHit(HotlistHitMessage Hit, DateTimeOffset ReceivedAt);
