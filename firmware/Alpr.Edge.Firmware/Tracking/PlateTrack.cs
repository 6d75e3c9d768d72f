using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Evidence;
using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>Sightings of one plate on one camera, with a vote per text seen.</summary>
internal sealed class PlateTrack
{
    private const int MaxAlternatives = 5;
    private readonly Dictionary<string, TextVotes> _votes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);

    public PlateTrack(string camera, DateTimeOffset capturedAt, DateTimeOffset now)
    {
        Camera = camera;
        StartedAt = capturedAt;
        LastSeenAt = capturedAt;
        LastSeenOnClock = now;
    }

    public string Camera { get; }

    /// <summary>Capture time the current read period began (first sighting, or the last re-read).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Capture time of the latest sighting.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>Clock time the latest sighting was observed (for cameras that stop sending frames).</summary>
    public DateTimeOffset LastSeenOnClock { get; private set; }

    /// <summary>Recognised frames of this camera since the latest sighting.</summary>
    public int MissedFrames { get; private set; }

    public PlateRegion LastBox { get; private set; }

    public int Sightings { get; private set; }

    /// <summary>True once this read period's read has gone out.</summary>
    public bool Reported { get; private set; }

    /// <summary>Every text seen on this track, kept across re-reads so a parked car stays on its track.</summary>
    public IReadOnlyCollection<string> Texts => _texts;

    /// <summary>Adds a sighting; <paramref name="capture"/> is asked for its evidence only when it becomes its text's best.</summary>
    public void Add(PlateReading reading, DateTimeOffset capturedAt, DateTimeOffset now, Func<PlateReading, SightingEvidence>? capture = null)
    {
        if (!_votes.TryGetValue(reading.Text, out var votes))
        {
            votes = new TextVotes();
            _votes.Add(reading.Text, votes);
        }

        votes.Add(reading, capturedAt, capture);
        _texts.Add(reading.Text);
        Sightings++;
        LastSeenAt = capturedAt > LastSeenAt ? capturedAt : LastSeenAt;
        LastSeenOnClock = now;
        MissedFrames = 0;
        LastBox = reading.Box;
    }

    public void Missed() => MissedFrames++;

    public void MarkReported() => Reported = true;

    /// <summary>Starts a new read period for a plate that is still in view (a parked car).</summary>
    public void Restart(DateTimeOffset capturedAt)
    {
        _votes.Clear();
        Sightings = 0;
        Reported = false;
        StartedAt = capturedAt;
    }

    public TrackedRead ToRead()
    {
        var ranked = _votes.OrderByDescending(v => v.Value.Count).ThenByDescending(v => v.Value.ConfidenceSum).ToList();
        var (text, winner) = (ranked[0].Key, ranked[0].Value);
        var alternatives = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (otherText, other) in ranked.Skip(1))
        {
            alternatives[otherText] = Combine(other, Sightings);
        }

        foreach (var (altText, score) in winner.Best.Alternatives)
        {
            if (altText != text && (!alternatives.TryGetValue(altText, out var known) || known < score))
            {
                alternatives[altText] = score;
            }
        }

        return new TrackedRead
        {
            Camera = Camera,
            Text = text,
            Confidence = Combine(winner, Sightings),
            CapturedAt = winner.BestCapturedAt,
            Box = winner.Best.Box,
            Alternatives = alternatives
                .OrderByDescending(a => a.Value)
                .Take(MaxAlternatives)
                .Select(a => new PlateAlternative(a.Key, Math.Round(a.Value, 4)))
                .ToList(),
            Sightings = Sightings,
            AgreeingSightings = winner.Count,
            Images = winner.BestEvidence?.Images,
            StageMilliseconds = winner.BestEvidence?.StageMilliseconds,
        };
    }

    /// <summary>
    /// Mean confidence of the agreeing sightings, pulled towards 1 by their number and scaled down
    /// by the share of sightings that disagreed: (1 - (1 - mean) / sqrt(k)) * sqrt(k / n).
    /// </summary>
    private static double Combine(TextVotes votes, int sightings)
    {
        var mean = votes.ConfidenceSum / votes.Count;
        var agreement = 1 - ((1 - mean) / Math.Sqrt(votes.Count));
        return Math.Clamp(agreement * Math.Sqrt((double)votes.Count / sightings), 0, 1);
    }

    private sealed class TextVotes
    {
        public int Count { get; private set; }

        public double ConfidenceSum { get; private set; }

        public PlateReading Best { get; private set; } = null!;

        public DateTimeOffset BestCapturedAt { get; private set; }

        public SightingEvidence? BestEvidence { get; private set; }

        public void Add(PlateReading reading, DateTimeOffset capturedAt, Func<PlateReading, SightingEvidence>? capture)
        {
            Count++;
            ConfidenceSum += Math.Clamp(reading.Confidence, 0, 1);
            if (Best is null || reading.Confidence > Best.Confidence)
            {
                Best = reading;
                BestCapturedAt = capturedAt;
                BestEvidence = capture?.Invoke(reading);
            }
        }
    }
}
