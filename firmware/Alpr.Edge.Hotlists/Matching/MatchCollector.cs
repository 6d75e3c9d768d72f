namespace Alpr.Edge.Hotlists.Matching;

/// <summary>Keeps the best match per entry while a read's texts are tried; ties go to the text tried first.</summary>
internal sealed class MatchCollector
{
    private List<Found>? _found;

    /// <summary>Offers a match; kept when the entry has none yet or only a lower-scoring one.</summary>
    public void Offer(in Found found)
    {
        _found ??= [];
        for (var i = 0; i < _found.Count; i++)
        {
            if (_found[i].Entry == found.Entry)
            {
                if (found.Score > _found[i].Score)
                {
                    _found[i] = found;
                }

                return;
            }
        }

        _found.Add(found);
    }

    /// <summary>The matches, best score first, entries materialised.</summary>
    public IReadOnlyList<HotlistMatch> ToMatches(EntryTable table, long listVersion)
    {
        if (_found is null)
        {
            return [];
        }

        return [.. _found
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.TextIndex)
            .Select(f => new HotlistMatch
            {
                Entry = table.Materialize(f.Entry),
                Kind = f.Kind,
                MatchedText = f.Text,
                AlternativeIndex = f.TextIndex == 0 ? null : f.TextIndex - 1,
                Substitutions = f.Substitutions,
                Edit = f.Edit,
                Score = f.Score,
                ListVersion = listVersion,
            })];
    }

    /// <summary>A match before its entry is materialised.</summary>
    internal readonly record struct Found(
        int Entry,
        MatchKind Kind,
        int TextIndex,
        string Text,
        CharSubstitution[] Substitutions,
        PlateEdit? Edit,
        double Score);
}
