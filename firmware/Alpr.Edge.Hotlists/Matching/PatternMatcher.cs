namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// Matches one partial-plate pattern (ASCII, <c>?</c> one character, <c>*</c> any run) against a read's raw codes
/// by dynamic programming, finding the alignment with the fewest confusions (at most 21 by 10 cells).
/// </summary>
internal static class PatternMatcher
{
    private const int Impossible = 1000;

    /// <summary>
    /// The fewest confusions with which <paramref name="pattern"/> matches <paramref name="read"/>, or -1 when it
    /// does not; the read positions of those confusions go to <paramref name="substitutions"/> in order, the pattern's
    /// characters there to <paramref name="patternCharacters"/>.
    /// </summary>
    public static int Match(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> read, bool allowConfusions, Span<int> substitutions, Span<char> patternCharacters)
    {
        var m = pattern.Length;
        var n = read.Length;
        var width = n + 1;
        Span<int> cost = stackalloc int[(m + 1) * width];
        cost[0] = 0;
        for (var j = 1; j <= n; j++)
        {
            cost[j] = Impossible;
        }

        for (var i = 1; i <= m; i++)
        {
            var p = pattern[i - 1];
            var row = i * width;
            var above = row - width;
            for (var j = 0; j <= n; j++)
            {
                int c;
                if (p == '*')
                {
                    c = cost[above + j];
                    if (j > 0)
                    {
                        c = Math.Min(c, cost[row + j - 1]);
                    }
                }
                else if (j == 0)
                {
                    c = Impossible;
                }
                else if (p == '?')
                {
                    c = cost[above + j - 1];
                }
                else
                {
                    c = Step(cost[above + j - 1], PlateAlphabet.Raw((char)p), read[j - 1], allowConfusions);
                }

                cost[row + j] = Math.Min(c, Impossible);
            }
        }

        var total = cost[(m * width) + n];
        if (total >= Impossible)
        {
            return -1;
        }

        Backtrack(pattern, read, cost, width, total, substitutions, patternCharacters);
        return total;
    }

    private static int Step(int before, byte patternCode, byte readCode, bool allowConfusions)
    {
        if (readCode == patternCode)
        {
            return before;
        }

        return allowConfusions && PlateAlphabet.Canonical(readCode) == PlateAlphabet.Canonical(patternCode) ? before + 1 : Impossible;
    }

    private static void Backtrack(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> read, ReadOnlySpan<int> cost, int width, int total, Span<int> substitutions, Span<char> patternCharacters)
    {
        var i = pattern.Length;
        var j = read.Length;
        var found = total;
        while (i > 0)
        {
            var p = pattern[i - 1];
            if (p == '*')
            {
                if (cost[((i - 1) * width) + j] == cost[(i * width) + j])
                {
                    i--;
                }
                else
                {
                    j--;
                }

                continue;
            }

            if (p != '?' && read[j - 1] != PlateAlphabet.Raw((char)p))
            {
                substitutions[--found] = j - 1;
                patternCharacters[found] = (char)p;
            }

            i--;
            j--;
        }
    }
}
