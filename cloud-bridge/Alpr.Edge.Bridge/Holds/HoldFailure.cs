namespace Alpr.Edge.Bridge.Holds;

/// <summary>Why a hold action did nothing.</summary>
public enum HoldFailure
{
    /// <summary>It was done.</summary>
    None,

    /// <summary>A field is missing or the hold would select nothing in particular.</summary>
    Invalid,

    /// <summary>No hold has that id.</summary>
    NotFound,

    /// <summary>The hold was released before.</summary>
    AlreadyReleased,
}
