using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Web;

/// <summary>
/// A hit as the API shows it to one user: without inline images (each has its own audited URL in <see cref="Images"/>)
/// and with CLETS-derived details only for a user authorised for them (<see cref="Clets"/>).
/// </summary>
/// <param name="Hit">The hit, its images and CLETS reference removed.</param>
/// <param name="ReceivedAt">When the bridge stored it.</param>
/// <param name="Images">Where the plate crop and overview can be fetched, when the device sent them.</param>
/// <param name="Clets">For a CLETS-derived entry: its details, or the notice that the user may not see them.</param>
public sealed record HitView(HotlistHitMessage Hit, DateTimeOffset ReceivedAt, HitImageLinks? Images, CletsView? Clets);

/// <summary>URLs of a hit's images; opening one is an audited access that needs a purpose.</summary>
/// <param name="PlateCrop">The plate crop, or null when none was sent.</param>
/// <param name="Overview">The overview image, or null when none was sent.</param>
public sealed record HitImageLinks(string? PlateCrop, string? Overview);

/// <summary>What a user sees of a CLETS-derived hot-list entry.</summary>
/// <param name="Reference">The opaque reference (authorised users only).</param>
/// <param name="Details">The CLETS details (authorised users only; null when not imported at the bridge).</param>
/// <param name="Notice">Shown instead, to users not authorised for CLETS data, or when the details are missing.</param>
public sealed record CletsView(string? Reference, string? Details, string? Notice);
