namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// Sharing with partner agencies and non-law-enforcement requests. Both engines implement it with the same SQL
/// (<c>RelationalCentralStore.Sharing.cs</c>).
/// </summary>
public interface ISharingStore
{
    /// <summary>Registers a partner agency (unverified); false when its ORI is already registered.</summary>
    Task<bool> AddPartnerAsync(PartnerAgency partner, CancellationToken cancellationToken);

    /// <summary>Marks a registered agency verified by <paramref name="by"/>; false when there is no such agency.</summary>
    Task<bool> VerifyPartnerAsync(string ori, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every partner agency, by ORI.</summary>
    Task<IReadOnlyList<PartnerAgency>> GetPartnersAsync(CancellationToken cancellationToken);

    /// <summary>Records a share (the caller checks the agency is verified and the items exist).</summary>
    Task AddShareAsync(Share share, CancellationToken cancellationToken);

    /// <summary>The shares, newest first, with one agency or all.</summary>
    Task<IReadOnlyList<Share>> GetSharesAsync(string? ori, CancellationToken cancellationToken);

    /// <summary>The reads shared for access with <paramref name="ori"/>, newest captured first.</summary>
    Task<IReadOnlyList<StoredRead>> GetSharedReadsAsync(string ori, int limit, CancellationToken cancellationToken);

    /// <summary>The hits shared for access with <paramref name="ori"/>, newest captured first.</summary>
    Task<IReadOnlyList<StoredHit>> GetSharedHitsAsync(string ori, int limit, CancellationToken cancellationToken);

    /// <summary>Logs a request with its first status (<see cref="RecordsRequestStatus.Received"/>).</summary>
    Task AddRecordsRequestAsync(RecordsRequest request, CancellationToken cancellationToken);

    /// <summary>Appends a status to a request's history; false when there is no such request.</summary>
    Task<bool> AddRecordsRequestEventAsync(Guid id, RecordsRequestEvent change, CancellationToken cancellationToken);

    /// <summary>Every request, newest received first, with its history.</summary>
    Task<IReadOnlyList<RecordsRequest>> GetRecordsRequestsAsync(CancellationToken cancellationToken);
}
