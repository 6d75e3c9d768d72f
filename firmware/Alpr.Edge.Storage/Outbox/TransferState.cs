namespace Alpr.Edge.Storage.Outbox;

/// <summary>Where a stored record is on its way to the bridge (the outbox state machine).</summary>
public enum TransferState
{
    /// <summary>Stored, not yet published.</summary>
    NotSent = 0,

    /// <summary>Published, waiting for the bridge's acknowledgement.</summary>
    InFlight = 1,

    /// <summary>The bridge acknowledged it: it is stored centrally and may leave the ring.</summary>
    Acked = 2,
}
