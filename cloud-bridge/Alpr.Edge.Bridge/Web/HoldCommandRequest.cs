namespace Alpr.Edge.Bridge.Web;

/// <summary>The body of <c>POST /api/devices/{deviceId}/holds</c>: exactly one of a plate, a time window or a record id.</summary>
/// <param name="Plate">Hold every record of this plate.</param>
/// <param name="From">Start of a time window (with <paramref name="To"/>).</param>
/// <param name="To">End of a time window (with <paramref name="From"/>).</param>
/// <param name="RecordId">Hold one read or hit.</param>
public sealed record HoldCommandRequest(string? Plate, DateTimeOffset? From, DateTimeOffset? To, Guid? RecordId);
