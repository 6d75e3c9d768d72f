namespace Alpr.Edge.Hotlists.Matching;

/// <summary>An entry a read's canonical key led to, and how the keys relate (before the rules are checked).</summary>
/// <param name="Entry">Entry index.</param>
/// <param name="Relation">How the entry's key relates to the read's.</param>
/// <param name="Position">For an extra character, its index in the read; for a missing one, its index in the entry.</param>
internal readonly record struct Candidate(int Entry, CandidateRelation Relation, int Position);
