using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.Storage.Encryption;

/// <summary>One row ready to insert: bookkeeping in clear, everything else sealed.</summary>
internal sealed record SealedRow(
    byte[] Id,
    RecordKind Kind,
    long CapturedAtMs,
    bool KeepPlate,
    byte[] PlateIndex,
    long KeyId,
    byte[] Sealed,
    byte[]? SealedImages)
{
    /// <summary>Logical bytes the row takes in the ring.</summary>
    public long Bytes => Sealed.Length + (SealedImages?.Length ?? 0) + Ring.RingOptions.RecordOverheadBytes;
}
