namespace Alpr.Edge.Storage.Holds;

/// <summary>What a hold matches.</summary>
public enum HoldKind
{
    /// <summary>Every record of a plate (matched by its blind index), including reads still to come.</summary>
    Plate = 0,

    /// <summary>Every record captured within a time window, including reads still to come in it.</summary>
    TimeWindow = 1,

    /// <summary>One record by id.</summary>
    Record = 2,
}
