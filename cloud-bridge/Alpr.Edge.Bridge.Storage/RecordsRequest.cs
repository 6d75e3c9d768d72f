namespace Alpr.Edge.Bridge.Storage;

/// <summary>Where a non-law-enforcement request stands.</summary>
public enum RecordsRequestStatus
{
    /// <summary>Logged, routed to the records manager.</summary>
    Received,

    /// <summary>The records manager is reviewing it.</summary>
    UnderReview,

    /// <summary>Records were released; the reason says what and on what grounds.</summary>
    Released,

    /// <summary>Refused; the reason says why.</summary>
    Denied,
}

/// <summary>One status a request went through, with who set it, when and why.</summary>
/// <param name="Status">The status.</param>
/// <param name="Reason">The decision's reason or a note.</param>
/// <param name="By">Who set it.</param>
/// <param name="At">When.</param>
public sealed record RecordsRequestEvent(RecordsRequestStatus Status, string? Reason, string By, DateTimeOffset At);

/// <summary>
/// A non-law-enforcement request for ALPR data (public records request, civil subpoena): the policy routes it to the
/// Records Manager, and its history of statuses is kept.
/// </summary>
/// <param name="Id">The request's id.</param>
/// <param name="Requester">Who asks (person, organisation, court).</param>
/// <param name="Kind">What kind of request (public-records, subpoena, other).</param>
/// <param name="Scope">What is asked for.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="LoggedBy">Who logged it.</param>
/// <param name="History">Its statuses, oldest first; the last is the current one.</param>
public sealed record RecordsRequest(
    Guid Id, string Requester, string Kind, string Scope, DateTimeOffset ReceivedAt, string LoggedBy, IReadOnlyList<RecordsRequestEvent> History)
{
    /// <summary>The current status.</summary>
    public RecordsRequestStatus Status => History.Count == 0 ? RecordsRequestStatus.Received : History[^1].Status;
}
