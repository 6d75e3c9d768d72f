using Alpr.Edge.Storage.Encryption;

namespace Alpr.Edge.Storage.Evidence;

/// <summary>
/// A batch of reads and hits already sealed by <see cref="EncryptedStore.Seal"/>, ready for
/// <see cref="EncryptedStore.Write"/>. Holds only ciphertext and bookkeeping.
/// </summary>
public sealed class SealedBatch
{
    internal SealedBatch(IReadOnlyList<SealedRow> rows) => Rows = rows;

    /// <summary>Records in the batch (reads and their hits).</summary>
    public int Count => Rows.Count;

    internal IReadOnlyList<SealedRow> Rows { get; }
}
