namespace Alpr.Edge.Storage.Outbox;

/// <summary>A record taken from the store for sending: its decrypted wire payload and where it stands.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Kind">Read or hit.</param>
/// <param name="CapturedAt">Capture time (send order).</param>
/// <param name="Payload">The wire JSON, exactly as it is published.</param>
/// <param name="Attempts">How many times it has been handed out for sending, this time included.</param>
public sealed record StoredRecord(Guid Id, RecordKind Kind, DateTimeOffset CapturedAt, byte[] Payload, int Attempts);
