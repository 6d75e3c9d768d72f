namespace Alpr.Edge.Bridge.Access.Purposes;

/// <summary>The purpose (and case) a request stated, once checked against the configured list.</summary>
/// <param name="Name">The purpose.</param>
/// <param name="CaseNumber">The case or incident number, when one was given.</param>
public sealed record StatedPurpose(string Name, string? CaseNumber);
