using Alpr.Edge.Contracts;

namespace Alpr.Edge.Storage.Evidence;

/// <summary>One read with its hits and evidence, as handed to the store (one element of a batch).</summary>
/// <param name="Read">The read's wire message.</param>
/// <param name="Hits">Hot-list hits of the read; may be empty.</param>
/// <param name="Evidence">Images and position; <see cref="ReadEvidence.None"/> when there are none.</param>
public sealed record ReadToStore(PlateReadMessage Read, IReadOnlyList<HotlistHitMessage> Hits, ReadEvidence Evidence);
