namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// What checking a hit through CLETS found (policy § 434.3(f), and the dispositions police ALPR products use).
/// A hit is <see cref="Unverified"/> until its first disposition is recorded.
/// </summary>
public enum HitDisposition
{
    /// <summary>Not yet checked: no enforcement action may be taken.</summary>
    Unverified,

    /// <summary>Verified through CLETS: the vehicle or plate is wanted.</summary>
    Confirmed,

    /// <summary>CLETS has no such record, or it was cleared.</summary>
    NotOnFile,

    /// <summary>The plate was read wrongly; the record carries the correct text.</summary>
    Misread,

    /// <summary>The plate text matches, but the plate is of another state.</summary>
    WrongState,
}
