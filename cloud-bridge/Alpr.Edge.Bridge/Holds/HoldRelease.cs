namespace Alpr.Edge.Bridge.Holds;

/// <summary>The body of <c>POST /api/holds/{id}/release</c>: who releases the hold and why.</summary>
/// <param name="By">Who releases it.</param>
/// <param name="Reason">Why.</param>
public sealed record HoldRelease(string? By, string? Reason);
