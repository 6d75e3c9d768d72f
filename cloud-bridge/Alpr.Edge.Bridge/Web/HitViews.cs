using Alpr.Edge.Bridge.Access.Roles;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// Turns stored hits into what one user may see (<see cref="HitView"/>): images become links, and CLETS-derived
/// details are resolved only for a user with the CLETS authorisation flag. Every endpoint that returns hits goes
/// through here.
/// </summary>
public sealed class HitViews
{
    /// <summary>What a user without CLETS authorisation sees of a CLETS-derived entry.</summary>
    public const string NotAuthorised = "CLETS record — not authorised";

    /// <summary>What an authorised user sees when the reference is not among the imported CLETS records.</summary>
    public const string NotImported = "CLETS record — details not imported at the bridge";

    private readonly ICletsRecordStore _clets;

    /// <summary>Views resolving CLETS references from <paramref name="clets"/>.</summary>
    public HitViews(ICletsRecordStore clets) => _clets = clets;

    /// <summary>The views of <paramref name="hits"/> for <paramref name="accessor"/> (null: not signed in, never authorised).</summary>
    public async Task<IReadOnlyList<HitView>> ForAsync(IReadOnlyList<StoredHit> hits, Accessor? accessor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var authorised = accessor is { CletsAuthorized: true };
        var references = hits.Select(h => h.Hit.CletsReference).OfType<string>().ToList();
        var records = authorised && references.Count > 0
            ? await _clets.GetCletsRecordsAsync(references, cancellationToken)
            : new Dictionary<string, CletsRecord>();
        return [.. hits.Select(stored => View(stored, authorised, records))];
    }

    /// <summary>The view of one hit for <paramref name="accessor"/>.</summary>
    public async Task<HitView> ForAsync(StoredHit hit, Accessor? accessor, CancellationToken cancellationToken) =>
        (await ForAsync([hit], accessor, cancellationToken))[0];

    private static HitView View(StoredHit stored, bool authorised, IReadOnlyDictionary<string, CletsRecord> records)
    {
        var hit = stored.Hit;
        var id = hit.Id;
        var images = hit.PlateCropJpeg is { Length: > 0 } || hit.OverviewJpeg is { Length: > 0 }
            ? new HitImageLinks(
                hit.PlateCropJpeg is { Length: > 0 } ? $"/api/hits/{id}/images/{HitImageEndpoints.PlateCrop}" : null,
                hit.OverviewJpeg is { Length: > 0 } ? $"/api/hits/{id}/images/{HitImageEndpoints.Overview}" : null)
            : null;
        CletsView? clets = null;
        if (hit.CletsReference is { } reference)
        {
            clets = !authorised
                ? new CletsView(null, null, NotAuthorised)
                : records.TryGetValue(reference, out var record)
                    ? new CletsView(reference, record.Details, null)
                    : new CletsView(reference, null, NotImported);
        }

        return new HitView(hit with { PlateCropJpeg = null, OverviewJpeg = null, CletsReference = null }, stored.ReceivedAt, images, clets);
    }
}
