namespace Alpr.Edge.Contracts;

/// <summary>
/// Policy: an alert must be verified through CLETS before any enforcement action.
/// Every hit starts <see cref="Unverified"/>; only an officer at the bridge changes it.
/// </summary>
public enum HitVerification
{
    /// <summary>Not yet checked against CLETS: no enforcement action may be taken.</summary>
    Unverified = 0,

    /// <summary>Confirmed through CLETS by an officer.</summary>
    Confirmed = 1,

    /// <summary>Checked and found not to apply (misread, list entry cleared).</summary>
    Rejected = 2,
}
