namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// A request to place a legal hold (the body of <c>POST /api/holds</c>, and the options of <c>alpr-bridge holds place</c>):
/// the case, who and why, and at least one of a plate, a device and a capture window.
/// </summary>
/// <param name="CaseNumber">The case the hold is for.</param>
/// <param name="Reason">Why it is placed.</param>
/// <param name="By">Who places it.</param>
/// <param name="Plate">Only reads of this plate.</param>
/// <param name="DeviceId">Only reads of this device.</param>
/// <param name="From">Only reads captured at or after this time.</param>
/// <param name="To">Only reads captured before this time.</param>
public sealed record HoldRequest(
    string? CaseNumber,
    string? Reason,
    string? By,
    string? Plate,
    string? DeviceId,
    DateTimeOffset? From,
    DateTimeOffset? To);
