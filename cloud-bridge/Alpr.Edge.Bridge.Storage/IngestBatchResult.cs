namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// Which records of an <see cref="IngestBatch"/> were new, index for index: false for one already stored (a re-send),
/// and for a record that appears again later in the same batch.
/// </summary>
/// <param name="ReadsAdded">One flag per read of the batch.</param>
/// <param name="HitsAdded">One flag per hit of the batch.</param>
/// <param name="EventsAdded">One flag per device event of the batch.</param>
public sealed record IngestBatchResult(IReadOnlyList<bool> ReadsAdded, IReadOnlyList<bool> HitsAdded, IReadOnlyList<bool> EventsAdded);
