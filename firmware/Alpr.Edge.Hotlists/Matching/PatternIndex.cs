namespace Alpr.Edge.Hotlists.Matching;

/// <summary>
/// Finds the patterns a read could match without scanning them all. Each pattern is filed under an anchor: the
/// first three canonical characters of its longest known run (two or one when the run is shorter). Any text a
/// pattern matches holds that run, so a read only needs the patterns filed under its own 1-, 2- and 3-character
/// substrings. Buckets are arrays indexed directly by the packed anchor (27^3 slots), in CSR form.
/// </summary>
internal sealed class PatternIndex
{
    private const int Radix = PlateAlphabet.CanonicalCount + 1;
    private static readonly int[] Offsets = [0, Radix, Radix + (Radix * Radix)];

    private readonly int[] _bucketStarts;
    private readonly int[] _patterns;

    /// <summary>Files patterns (ASCII) under their anchors; <paramref name="firstIndex"/> is added to each pattern's position to give its entry index.</summary>
    public PatternIndex(IReadOnlyList<byte[]> patterns, int firstIndex)
    {
        var bucketCount = Offsets[2] + (Radix * Radix * Radix);
        var anchors = new int[patterns.Count];
        var counts = new int[bucketCount + 1];
        for (var i = 0; i < patterns.Count; i++)
        {
            anchors[i] = Anchor(patterns[i]);
            counts[anchors[i] + 1]++;
        }

        for (var b = 0; b < bucketCount; b++)
        {
            counts[b + 1] += counts[b];
        }

        _bucketStarts = counts;
        _patterns = new int[patterns.Count];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < patterns.Count; i++)
        {
            _patterns[fill[anchors[i]]++] = firstIndex + i;
        }
    }

    /// <summary>Number of patterns.</summary>
    public int Count => _patterns.Length;

    /// <summary>Managed bytes held.</summary>
    public long Bytes => (_bucketStarts.Length + _patterns.Length) * 4L;

    /// <summary>Adds to <paramref name="candidates"/> the entry index of every pattern filed under a substring of <paramref name="canonical"/>, once each.</summary>
    public void Candidates(ReadOnlySpan<byte> canonical, List<int> candidates)
    {
        if (_patterns.Length == 0)
        {
            return;
        }

        for (var start = 0; start < canonical.Length; start++)
        {
            var key = 0;
            for (var length = 1; length <= 3 && start + length <= canonical.Length; length++)
            {
                key = (key * Radix) + canonical[start + length - 1];
                var bucket = Offsets[length - 1] + key;
                for (var k = _bucketStarts[bucket]; k < _bucketStarts[bucket + 1]; k++)
                {
                    if (!candidates.Contains(_patterns[k]))
                    {
                        candidates.Add(_patterns[k]);
                    }
                }
            }
        }
    }

    private static int Anchor(byte[] pattern)
    {
        var bestStart = 0;
        var bestLength = 0;
        var runStart = 0;
        for (var i = 0; i <= pattern.Length; i++)
        {
            if (i == pattern.Length || pattern[i] is (byte)'?' or (byte)'*')
            {
                if (i - runStart > bestLength)
                {
                    bestStart = runStart;
                    bestLength = i - runStart;
                }

                runStart = i + 1;
            }
        }

        var length = Math.Min(3, bestLength);
        var key = 0;
        for (var i = 0; i < length; i++)
        {
            key = (key * Radix) + PlateAlphabet.Canonical(PlateAlphabet.Raw((char)pattern[bestStart + i]));
        }

        return Offsets[length - 1] + key;
    }
}
