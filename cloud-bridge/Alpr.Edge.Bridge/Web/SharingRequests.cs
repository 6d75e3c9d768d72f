namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>POST /api/agencies</c>.</summary>
/// <param name="Ori">The agency's ORI (9 characters, letters and digits).</param>
/// <param name="Name">Its name.</param>
/// <param name="Contact">Who to contact there.</param>
public sealed record PartnerRequest(string? Ori, string? Name, string? Contact);

/// <summary>The body of <c>POST /api/shares</c>.</summary>
/// <param name="Ori">The verified partner agency to share with.</param>
/// <param name="ReadIds">Reads to share.</param>
/// <param name="HitIds">Hits to share.</param>
/// <param name="Reason">Why they are shared.</param>
public sealed record ShareRequest(string? Ori, IReadOnlyList<Guid>? ReadIds, IReadOnlyList<Guid>? HitIds, string? Reason);

/// <summary>The body of <c>POST /api/records-requests</c>.</summary>
/// <param name="Requester">Who asks (person, organisation, court).</param>
/// <param name="Kind"><c>public-records</c>, <c>subpoena</c> or <c>other</c>.</param>
/// <param name="Scope">What is asked for.</param>
public sealed record RecordsRequestBody(string? Requester, string? Kind, string? Scope);

/// <summary>The body of <c>POST /api/records-requests/{id}/status</c>.</summary>
/// <param name="Status"><c>UnderReview</c>, <c>Released</c> or <c>Denied</c>.</param>
/// <param name="Reason">The decision's reason (required for Released and Denied).</param>
public sealed record RecordsStatusBody(string? Status, string? Reason);
