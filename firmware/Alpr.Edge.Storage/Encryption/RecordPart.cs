namespace Alpr.Edge.Storage.Encryption;

/// <summary>Which blob of a record is sealed; part of the associated data so parts cannot be swapped.</summary>
internal enum RecordPart : byte
{
    /// <summary>The plate record: wire message and position.</summary>
    Record = 1,

    /// <summary>The record's images (dropped first when the disk budget runs out).</summary>
    Images = 2,
}
