using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// What one ingest batch stores, all in one transaction (<see cref="ICentralStore.AddBatchAsync"/>): the accepted reads,
/// hits and device events, and the dead letters of the refused messages. Either all of it is stored or none of it.
/// </summary>
/// <param name="Reads">Reads, in the order received.</param>
/// <param name="Hits">Hits, in the order received.</param>
/// <param name="Events">Device events, in the order received.</param>
/// <param name="DeadLetters">Refused messages with their reasons.</param>
/// <param name="ReceivedAt">When the bridge received the batch; every record's <c>received_at</c>.</param>
public sealed record IngestBatch(
    IReadOnlyList<PlateReadMessage> Reads,
    IReadOnlyList<HotlistHitMessage> Hits,
    IReadOnlyList<DeviceEventMessage> Events,
    IReadOnlyList<DeadLetter> DeadLetters,
    DateTimeOffset ReceivedAt);
