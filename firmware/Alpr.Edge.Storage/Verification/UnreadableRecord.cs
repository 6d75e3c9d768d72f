namespace Alpr.Edge.Storage.Verification;

/// <summary>A record that could not be read back: its id and why. The rest of the store stays usable.</summary>
/// <param name="Id">Record id.</param>
/// <param name="Reason">One line: which blob failed and how.</param>
public sealed record UnreadableRecord(Guid Id, string Reason);
