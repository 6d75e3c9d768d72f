using Alpr.Edge.Contracts;
using Alpr.Edge.Hotlists.Matching;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// Turns a match into the hit the device sends: what an officer and an auditor need to judge it (kind, matched
/// text, confusions, score, entry, list version, state, case) and, for CLETS-derived entries, only the opaque
/// reference. Always <see cref="HitVerification.Unverified"/>: policy requires verification through CLETS.
/// </summary>
public static class HotlistHitFactory
{
    /// <summary>The hit message of <paramref name="match"/> on <paramref name="read"/>.</summary>
    public static HotlistHitMessage Create(HotlistMatch match, PlateReadMessage read, Guid id)
    {
        ArgumentNullException.ThrowIfNull(match);
        var entry = match.Entry;
        return new HotlistHitMessage
        {
            Id = id,
            Read = read,
            ListName = entry.ListName,
            Category = entry.Category,
            EntryPlate = entry.Plate,
            MatchKind = match.KindName,
            CaseNumber = entry.CaseNumber,
            Verification = HitVerification.Unverified,
            EntryId = entry.Id,
            ListVersion = match.ListVersion,
            MatchedText = match.MatchedText,
            MatchedAlternative = match.AlternativeIndex,
            MatchDetail = match.Detail,
            Substitutions = [.. match.Substitutions.Select(s => new HotlistHitSubstitution(s.Position, s.Read, s.Entry))],
            Score = match.Score,
            IssuingState = entry.IssuingState,
            CletsReference = entry.DetailsFromClets ? entry.CletsReference : null,
        };
    }
}
