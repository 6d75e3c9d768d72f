using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>A device as the bridge last heard of it.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Availability"><c>online</c>, <c>offline</c> or <c>stopped</c>, or null before the first status message.</param>
/// <param name="AvailabilityAt">When the bridge received that availability.</param>
/// <param name="Health">The latest periodic status, or null before the first.</param>
/// <param name="HealthAt">When the bridge received that status.</param>
public sealed record DeviceSummary(string DeviceId, string? Availability, DateTimeOffset? AvailabilityAt, DeviceHealthMessage? Health, DateTimeOffset? HealthAt);
