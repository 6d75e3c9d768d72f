using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>
/// The count behind <see cref="PlateTextFusion.Vote(IReadOnlyList{PlateReading})"/>: every sighting aligned to a reference text,
/// the vote weight of each character (and of "nothing here") gathered per column, then the text decided.
/// A column is a reference position or an inserted place between two; columns are kept in reading order.
/// </summary>
internal sealed class FusionBallot
{
    private readonly string _reference;
    private readonly FusionVoteSettings _settings;
    private readonly List<Column> _columns = [];
    private readonly List<PlateReading> _voters = [];
    private readonly Dictionary<int, double> _lengths = [];
    private double _dissent;

    private FusionBallot(string reference, FusionVoteSettings settings)
    {
        _reference = reference;
        _settings = settings;
    }

    /// <summary>
    /// Whether a reading <paramref name="distance"/> edits from a reference still agrees on most characters with it (at most
    /// half the longer text differs); one that does not is another plate or noise and does not vote.
    /// </summary>
    public static bool AgreesOnMost(int distance, int referenceLength, int readingLength) =>
        distance * 2 <= Math.Max(referenceLength, readingLength);

    /// <summary>Aligns every sighting to <paramref name="reference"/> and gathers the votes.</summary>
    public static FusionBallot Count(string reference, IReadOnlyList<PlateReading> sightings, FusionVoteSettings settings)
    {
        var ballot = new FusionBallot(reference, settings);
        var alignments = new List<(PlateReading Reading, TextAlignment Alignment)>();
        foreach (var sighting in sightings)
        {
            var alignment = TextAlignment.Align(reference, sighting.Text);
            if (alignment.IsCutOff || AgreesOnMost(alignment.Distance, reference.Length, sighting.Text.Length))
            {
                alignments.Add((sighting, alignment));
                ballot._voters.Add(sighting);
            }
            else
            {
                ballot._dissent += FusionWeights.Overall(sighting);
            }
        }

        ballot.LayOutColumns(alignments.Select(a => a.Alignment).ToList());
        foreach (var (reading, alignment) in alignments)
        {
            ballot.Add(reading, alignment, settings);
        }

        return ballot;
    }

    /// <summary>
    /// Decides the text: which columns hold a character (each column by its own weighted vote of a character against
    /// none, or, with <see cref="FusionVoteSettings.LengthByColumns"/> off, the length by a vote of the whole readings'
    /// lengths and then that many columns that most want a character), then each column's character.
    /// </summary>
    public FusedText Decide(IReadOnlyList<PlateReading> sightings)
    {
        var length = _settings.LengthByColumns
            ? _columns.Count(c => c.HasVotes && c.Present > c.Absent)
            : _lengths.Count == 0
            ? _reference.Length
            : _lengths.OrderByDescending(l => l.Value).ThenByDescending(l => l.Key == _reference.Length).ThenByDescending(l => l.Key).First().Key;
        var kept = _columns
            .Select((column, index) => (column, index))
            .Where(c => c.column.HasVotes)
            .OrderByDescending(c => c.column.Present - c.column.Absent)
            .ThenByDescending(c => c.column.Position >= 0)
            .ThenBy(c => c.index)
            .Take(length)
            .Select(c => c.index)
            .ToHashSet();
        if (kept.Count == 0)
        {
            // Nothing wants a character anywhere (the others all far shorter): the reference sighting's own text.
            kept = [.. _columns.Select((column, index) => (column, index)).Where(c => c.column.Position >= 0).Select(c => c.index)];
        }
        var text = new char[kept.Count];
        var weakest = 1.0;
        var next = 0;
        for (var index = 0; index < _columns.Count; index++)
        {
            var column = _columns[index];
            var total = column.Present + column.Absent + _dissent;
            if (kept.Contains(index))
            {
                var preferred = column.Position >= 0 ? _reference[column.Position] : (char?)null;
                var (character, weight) = column.Winner(preferred);
                text[next++] = character;
                weakest = Math.Min(weakest, total > 0 ? weight / total : 0);
            }
            else
            {
                weakest = Math.Min(weakest, total > 0 ? column.Absent / total : 0);
            }
        }

        var fused = new string(text);
        var mean = _voters.Average(FusionWeights.Overall);
        var confidence = (1 - ((1 - mean) / Math.Sqrt(_voters.Count))) * Math.Sqrt(weakest);
        return new FusedText
        {
            Text = fused,
            Confidence = Math.Clamp(confidence, 0, 1),
            Sightings = sightings.Count,
            Agreeing = sightings.Count(s => s.Text == fused),
            Voting = _voters.Count,
            WeakestShare = weakest,
        };
    }

    private void LayOutColumns(List<TextAlignment> alignments)
    {
        var n = _reference.Length;
        for (var gap = 0; gap <= n; gap++)
        {
            var inserted = alignments.Where(a => a.CoversGap(gap)).Select(a => a.Inserted[gap].Count).DefaultIfEmpty(0).Max();
            for (var order = 0; order < inserted; order++)
            {
                _columns.Add(new Column(-1, gap, order));
            }

            if (gap < n)
            {
                _columns.Add(new Column(gap, gap, -1));
            }
        }
    }

    private void Add(PlateReading reading, TextAlignment alignment, FusionVoteSettings settings)
    {
        var absent = FusionWeights.Absent(reading);
        var columnOf = new Column?[reading.Text.Length];
        foreach (var column in _columns)
        {
            if (column.Position >= 0)
            {
                if (!alignment.CoversPosition(column.Position))
                {
                    continue;
                }

                var index = alignment.Matched[column.Position];
                if (index >= 0)
                {
                    column.Vote(reading.Text[index], FusionWeights.Character(reading, index));
                    columnOf[index] = column;
                }
                else
                {
                    column.Absent += absent;
                }
            }
            else if (alignment.CoversGap(column.Gap))
            {
                var inserted = alignment.Inserted[column.Gap];
                if (column.Order < inserted.Count)
                {
                    var index = inserted[column.Order];
                    column.Vote(reading.Text[index], FusionWeights.Character(reading, index));
                    columnOf[index] = column;
                }
                else
                {
                    column.Absent += absent;
                }
            }
        }

        if (!alignment.IsCutOff)
        {
            _lengths[reading.Text.Length] = _lengths.GetValueOrDefault(reading.Text.Length) + FusionWeights.Overall(reading);
        }

        if (settings.UseAlternatives)
        {
            foreach (var (index, character, weight) in FusionWeights.RunnerUps(reading))
            {
                columnOf[index]?.Vote(character, weight);
            }
        }
    }

    /// <summary>Votes at one reference position (<see cref="Position"/> ≥ 0) or one inserted place (<see cref="Gap"/>, <see cref="Order"/>).</summary>
    private sealed class Column(int position, int gap, int order)
    {
        private readonly List<(char Character, double Weight)> _votes = [];

        public int Position { get; } = position;

        public int Gap { get; } = gap;

        public int Order { get; } = order;

        /// <summary>Whether any sighting has a character here.</summary>
        public bool HasVotes => _votes.Count > 0;

        /// <summary>Weight of all character votes.</summary>
        public double Present { get; private set; }

        /// <summary>Weight of the sightings that have no character here.</summary>
        public double Absent { get; set; }

        public void Vote(char character, double weight)
        {
            Present += weight;
            var at = _votes.FindIndex(v => v.Character == character);
            if (at < 0)
            {
                _votes.Add((character, weight));
            }
            else
            {
                _votes[at] = (character, _votes[at].Weight + weight);
            }
        }

        /// <summary>The character with most weight; a tie goes to <paramref name="preferred"/>, then to the first voted.</summary>
        public (char Character, double Weight) Winner(char? preferred) =>
            _votes.OrderByDescending(v => v.Weight).ThenByDescending(v => v.Character == preferred).First();
    }
}
