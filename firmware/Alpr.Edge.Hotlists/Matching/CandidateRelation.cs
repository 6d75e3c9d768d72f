namespace Alpr.Edge.Hotlists.Matching;

/// <summary>How a candidate entry's canonical key relates to the read's.</summary>
internal enum CandidateRelation
{
    /// <summary>Same canonical key: exact, or confusions only.</summary>
    Same,

    /// <summary>The read has one extra character.</summary>
    ReadExtra,

    /// <summary>The read lacks one of the entry's characters.</summary>
    ReadMissing,

    /// <summary>A pattern filed under one of the read's substrings.</summary>
    Pattern,
}
