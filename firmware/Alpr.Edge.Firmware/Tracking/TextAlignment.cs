namespace Alpr.Edge.Firmware.Tracking;

/// <summary>
/// One reading's characters aligned to a reference text by edit distance: each reference position holds the reading's
/// character there (equal or substituted) or nothing (the reading dropped it), and each gap between positions holds the
/// characters the reading has in excess there (a doubled or spurious character).
/// </summary>
internal sealed class TextAlignment
{
    /// <summary>Shortest text taken as a plate cut off at the frame edge (as the tracker's joining rule).</summary>
    public const int MinCutOffLength = 4;

    private TextAlignment(int[] matched, List<int>[] inserted, int coveredFrom, int coveredTo, bool cutOff, int distance)
    {
        Matched = matched;
        Inserted = inserted;
        CoveredFrom = coveredFrom;
        CoveredTo = coveredTo;
        IsCutOff = cutOff;
        Distance = distance;
    }

    /// <summary>Per reference position, the index in the reading of the character aligned to it, or -1 when the reading has none.</summary>
    public int[] Matched { get; }

    /// <summary>Per gap (0 = before the first reference position, <c>n</c> = after the last), the reading's indices inserted there, in order.</summary>
    public List<int>[] Inserted { get; }

    /// <summary>First reference position the reading says anything about.</summary>
    public int CoveredFrom { get; }

    /// <summary>One past the last reference position the reading says anything about.</summary>
    public int CoveredTo { get; }

    /// <summary>
    /// True when the reading is a piece of the reference (at least <see cref="MinCutOffLength"/> characters, read in one
    /// piece): a plate entering or leaving the frame. It then says nothing about the positions, gaps or length outside its piece.
    /// </summary>
    public bool IsCutOff { get; }

    /// <summary>Edit distance between the reading and the reference (0 for a cut-off piece).</summary>
    public int Distance { get; }

    /// <summary>Whether the reading says anything about reference position <paramref name="position"/>.</summary>
    public bool CoversPosition(int position) => position >= CoveredFrom && position < CoveredTo;

    /// <summary>Whether the reading says anything about the gap before reference position <paramref name="gap"/> (an edge gap of a cut-off piece it does not).</summary>
    public bool CoversGap(int gap) => IsCutOff ? gap > CoveredFrom && gap < CoveredTo : gap >= CoveredFrom && gap <= CoveredTo;

    /// <summary>
    /// Aligns <paramref name="reading"/> to <paramref name="reference"/> with unit-cost substitutions, insertions and deletions.
    /// Among alignments of the same cost, a substitution is preferred to a deletion, and a deletion to an insertion.
    /// </summary>
    public static TextAlignment Align(string reference, string reading)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(reading);
        var n = reference.Length;
        var m = reading.Length;
        var inserted = new List<int>[n + 1];
        for (var gap = 0; gap <= n; gap++)
        {
            inserted[gap] = [];
        }

        var matched = new int[n];
        var piece = m >= MinCutOffLength && m < n ? reference.IndexOf(reading, StringComparison.Ordinal) : -1;
        if (piece >= 0)
        {
            Array.Fill(matched, -1);
            for (var i = 0; i < m; i++)
            {
                matched[piece + i] = i;
            }

            return new TextAlignment(matched, inserted, piece, piece + m, cutOff: true, distance: 0);
        }

        var cost = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
        {
            cost[i, 0] = i;
        }

        for (var j = 0; j <= m; j++)
        {
            cost[0, j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                var diagonal = cost[i - 1, j - 1] + (reference[i - 1] == reading[j - 1] ? 0 : 1);
                cost[i, j] = Math.Min(diagonal, Math.Min(cost[i - 1, j] + 1, cost[i, j - 1] + 1));
            }
        }

        var (r, s) = (n, m);
        while (r > 0 || s > 0)
        {
            if (r > 0 && s > 0 && cost[r, s] == cost[r - 1, s - 1] + (reference[r - 1] == reading[s - 1] ? 0 : 1))
            {
                matched[--r] = --s;
            }
            else if (r > 0 && cost[r, s] == cost[r - 1, s] + 1)
            {
                matched[--r] = -1;
            }
            else
            {
                inserted[r].Insert(0, --s);
            }
        }

        return new TextAlignment(matched, inserted, 0, n, cutOff: false, distance: cost[n, m]);
    }
}
