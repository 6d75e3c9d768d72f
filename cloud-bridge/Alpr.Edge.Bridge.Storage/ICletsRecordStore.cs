namespace Alpr.Edge.Bridge.Storage;

/// <summary>CLETS-derived details by reference; only users authorised for CLETS data may be shown them.</summary>
public interface ICletsRecordStore
{
    /// <summary>Adds or replaces records (same reference: the newer import wins); returns how many were written.</summary>
    Task<int> PutCletsRecordsAsync(IReadOnlyCollection<CletsRecord> records, CancellationToken cancellationToken);

    /// <summary>The records of the given references that are known, by reference.</summary>
    Task<IReadOnlyDictionary<string, CletsRecord>> GetCletsRecordsAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken);
}
