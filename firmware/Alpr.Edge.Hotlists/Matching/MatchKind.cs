namespace Alpr.Edge.Hotlists.Matching;

/// <summary>Why a read matched an entry.</summary>
public enum MatchKind
{
    /// <summary>Same characters after normalisation.</summary>
    Exact = 0,

    /// <summary>A partial-plate pattern (<c>?</c>, <c>*</c>) matched, possibly with confusions in its known characters.</summary>
    Partial = 1,

    /// <summary>Matched through OCR confusions and/or one missing or extra character.</summary>
    Fuzzy = 2,
}
