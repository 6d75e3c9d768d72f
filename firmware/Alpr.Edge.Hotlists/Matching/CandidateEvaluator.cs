using Alpr.Edge.Hotlists.Entries;

namespace Alpr.Edge.Hotlists.Matching;

/// <summary>Applies an entry's rules (active, strictness, minimum score) to a candidate and describes the match.</summary>
internal static class CandidateEvaluator
{
    /// <summary>The match of <paramref name="candidate"/> against the read text <paramref name="read"/> (raw codes), or null.</summary>
    public static MatchCollector.Found? Evaluate(EntryTable table, Candidate candidate, ReadOnlySpan<byte> read, string text, int textIndex)
    {
        var profile = table.Profile(candidate.Entry);
        var plate = table.Plate(candidate.Entry);
        Span<int> positions = stackalloc int[PlateText.MaxLength];
        Span<char> patternCharacters = stackalloc char[PlateText.MaxLength];
        int confusions;
        PlateEdit? edit = null;
        var kind = MatchKind.Fuzzy;
        switch (candidate.Relation)
        {
            case CandidateRelation.Same:
                confusions = Compare(plate, read, skipEntry: -1, skipRead: -1, positions);
                if (confusions == 0)
                {
                    kind = MatchKind.Exact;
                }
                else if (profile.Strictness < MatchStrictness.Confusions)
                {
                    return null;
                }

                break;
            case CandidateRelation.ReadExtra when profile.Strictness == MatchStrictness.ConfusionsAndOneEdit:
                confusions = Compare(plate, read, skipEntry: -1, skipRead: candidate.Position, positions);
                edit = new PlateEdit(PlateEditKind.ExtraCharacter, candidate.Position, PlateAlphabet.Character(read[candidate.Position]));
                break;
            case CandidateRelation.ReadMissing when profile.Strictness == MatchStrictness.ConfusionsAndOneEdit:
                confusions = Compare(plate, read, skipEntry: candidate.Position, skipRead: -1, positions);
                edit = new PlateEdit(PlateEditKind.MissingCharacter, candidate.Position, (char)plate[candidate.Position]);
                break;
            case CandidateRelation.Pattern:
                kind = MatchKind.Partial;
                confusions = PatternMatcher.Match(plate, read, profile.Strictness >= MatchStrictness.Confusions, positions, patternCharacters);
                if (confusions < 0)
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        var score = MatchScores.Of(kind, edit is not null, confusions);
        if (kind != MatchKind.Exact && score < profile.MinScore)
        {
            return null;
        }

        var substitutions = new CharSubstitution[confusions];
        for (var i = 0; i < confusions; i++)
        {
            var at = positions[i];
            var entryCharacter = kind == MatchKind.Partial ? patternCharacters[i] : EntryCharacterAt(plate, candidate, at);
            substitutions[i] = new CharSubstitution(at, PlateAlphabet.Character(read[at]), entryCharacter);
        }

        return new MatchCollector.Found(candidate.Entry, kind, textIndex, text, substitutions, edit, score);
    }

    /// <summary>
    /// Walks the entry and the read side by side, skipping one character of either; returns how many differ and
    /// writes their read positions. The canonical keys already agree, so every difference is a confusion.
    /// </summary>
    private static int Compare(ReadOnlySpan<byte> plate, ReadOnlySpan<byte> read, int skipEntry, int skipRead, Span<int> positions)
    {
        var count = 0;
        var e = 0;
        for (var r = 0; r < read.Length; r++)
        {
            if (r == skipRead)
            {
                continue;
            }

            if (e == skipEntry)
            {
                e++;
            }

            if (PlateAlphabet.Raw((char)plate[e]) != read[r])
            {
                positions[count++] = r;
            }

            e++;
        }

        return count;
    }

    private static char EntryCharacterAt(ReadOnlySpan<byte> plate, Candidate candidate, int readPosition)
    {
        var e = candidate.Relation switch
        {
            CandidateRelation.ReadExtra when readPosition > candidate.Position => readPosition - 1,
            CandidateRelation.ReadMissing when readPosition >= candidate.Position => readPosition + 1,
            _ => readPosition,
        };
        return (char)plate[e];
    }
}
