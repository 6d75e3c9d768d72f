namespace Alpr.Edge.Bridge.Storage;

/// <summary>What one purge of reads did, as recorded in the store's purge history.</summary>
/// <param name="At">When it ran.</param>
/// <param name="Cutoff">Reads captured before this time were due.</param>
/// <param name="Purged">Reads removed.</param>
/// <param name="Spared">Reads that were due but are on a legal hold, so were kept.</param>
/// <param name="SparingHolds">Case numbers of the holds that kept them.</param>
/// <param name="DroppedPartitions">PostgreSQL: the month partitions dropped whole (empty on SQLite).</param>
public sealed record PurgeResult(
    DateTimeOffset At,
    DateTimeOffset Cutoff,
    long Purged,
    long Spared,
    IReadOnlyList<string> SparingHolds,
    IReadOnlyList<string> DroppedPartitions);
