using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.Storage.Evidence;

/// <summary>A record read back and decrypted: its wire payload and, for reads, its evidence.</summary>
/// <param name="Id">Record id.</param>
/// <param name="Kind">Read or hit.</param>
/// <param name="CapturedAt">Capture time.</param>
/// <param name="State">Transfer state.</param>
/// <param name="Held">True while a hold keeps it.</param>
/// <param name="Payload">Wire JSON of the message.</param>
/// <param name="Evidence">Images (empty once dropped) and position.</param>
public sealed record DecryptedRecord(
    Guid Id,
    RecordKind Kind,
    DateTimeOffset CapturedAt,
    TransferState State,
    bool Held,
    byte[] Payload,
    ReadEvidence Evidence);
