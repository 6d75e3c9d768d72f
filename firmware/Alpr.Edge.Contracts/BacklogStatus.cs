namespace Alpr.Edge.Contracts;

/// <summary>What the device still has to deliver: records stored and not yet acknowledged by the bridge.</summary>
/// <param name="Reads">Reads not acknowledged.</param>
/// <param name="Hits">Hits not acknowledged.</param>
/// <param name="Events">Device events not acknowledged.</param>
/// <param name="OldestReadAt">Capture time of the oldest read not acknowledged, or null when there is none.</param>
public sealed record BacklogStatus(long Reads, long Hits, long Events, DateTimeOffset? OldestReadAt = null);
