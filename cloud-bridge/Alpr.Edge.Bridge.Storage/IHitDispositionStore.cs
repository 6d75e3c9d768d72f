namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// Hit verification: the append-only history of each hit's dispositions, whether it was marked actionable, and the
/// misreads-per-device figure. Both engines implement it with the same SQL (<c>RelationalCentralStore.Dispositions.cs</c>).
/// </summary>
public interface IHitDispositionStore
{
    /// <summary>
    /// Appends a disposition to the hit's history and makes it the hit's current state; false when there is no such hit.
    /// </summary>
    Task<bool> AddHitDispositionAsync(HitDispositionRecord record, CancellationToken cancellationToken);

    /// <summary>The hit's verification history, oldest first (empty when none was recorded or there is no such hit).</summary>
    Task<IReadOnlyList<HitDispositionRecord>> GetHitDispositionsAsync(Guid hitId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the hit actionable by <paramref name="by"/> at <paramref name="at"/> when its current disposition is
    /// <see cref="HitDisposition.Confirmed"/>; returns the disposition it had (null when there is no such hit).
    /// An unconfirmed hit is left as it was.
    /// </summary>
    Task<HitDisposition?> MarkHitActionableAsync(Guid hitId, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Misreads per device and week, for dispositions recorded in [<paramref name="since"/>, <paramref name="until"/>).</summary>
    Task<IReadOnlyList<MisreadWeek>> GetMisreadsPerDeviceWeekAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
