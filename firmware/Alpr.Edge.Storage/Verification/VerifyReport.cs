namespace Alpr.Edge.Storage.Verification;

/// <summary>Result of <c>store verify</c>: SQLite's integrity check and the decryption of every record.</summary>
/// <param name="IntegrityErrors">Lines from <c>PRAGMA integrity_check</c> other than <c>ok</c>.</param>
/// <param name="RecordsChecked">Records whose plate blob was opened.</param>
/// <param name="ImagesChecked">Image blobs opened.</param>
/// <param name="Unreadable">Records that failed, with their ids.</param>
public sealed record VerifyReport(IReadOnlyList<string> IntegrityErrors, long RecordsChecked, long ImagesChecked, IReadOnlyList<UnreadableRecord> Unreadable)
{
    /// <summary>True when the file is intact and every record decrypts.</summary>
    public bool Ok => IntegrityErrors.Count == 0 && Unreadable.Count == 0;
}
