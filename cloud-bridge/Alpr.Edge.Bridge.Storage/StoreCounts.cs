namespace Alpr.Edge.Bridge.Storage;

/// <summary>How many records the store holds.</summary>
/// <param name="Reads">Stored reads.</param>
/// <param name="Hits">Stored hits.</param>
public sealed record StoreCounts(long Reads, long Hits);
