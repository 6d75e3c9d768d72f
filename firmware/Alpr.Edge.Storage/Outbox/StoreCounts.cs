namespace Alpr.Edge.Storage.Outbox;

/// <summary>How many records of one kind are in each transfer state.</summary>
/// <param name="NotSent">Stored, not yet published.</param>
/// <param name="InFlight">Published, not yet acknowledged.</param>
/// <param name="Acked">Acknowledged by the bridge.</param>
public readonly record struct StoreCounts(long NotSent, long InFlight, long Acked);
