using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Evidence;
using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>
/// Sightings of one plate on one camera. Until its read goes out the track keeps the sightings (for
/// <see cref="PlateTextFusion"/>) and, per text seen, its best sighting and that sighting's evidence; afterwards it only
/// follows the plate (where and when it was last seen), so a car parked for days costs no more than one passing.
/// </summary>
internal sealed class PlateTrack
{
    /// <summary>A plate whose box stays within this many widths of where it was first seen is standing still.</summary>
    public const double StandingStillInWidths = 0.5;

    /// <summary>Sightings kept for fusion per read (the least confident makes way beyond it).</summary>
    public const int MaxKeptSightings = 256;

    /// <summary>Texts kept for joining sightings to the track (the first ones seen).</summary>
    public const int MaxKeptTexts = 32;

    private const int MaxAlternatives = 5;
    private readonly Dictionary<string, TextBest> _bests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly List<PlateReading> _sightings = [];

    public PlateTrack(string camera, PlateRegion box, DateTimeOffset capturedAt, DateTimeOffset now)
    {
        Camera = camera;
        FirstSeenAt = capturedAt;
        FirstBox = box;
        StartedAt = capturedAt;
        LastSeenAt = capturedAt;
        LastSeenOnClock = now;
        LastBox = box;
    }

    public string Camera { get; }

    /// <summary>Capture time of the first sighting.</summary>
    public DateTimeOffset FirstSeenAt { get; }

    /// <summary>Box of the first sighting.</summary>
    public PlateRegion FirstBox { get; }

    /// <summary>Farthest any sighting's box has been from <see cref="FirstBox"/>, in plate widths.</summary>
    public double Drift { get; private set; }

    /// <summary>Capture time the current read period began (first sighting, or the last re-read).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Capture time of the latest sighting.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>Clock time the latest sighting was observed (for cameras that stop sending frames).</summary>
    public DateTimeOffset LastSeenOnClock { get; private set; }

    /// <summary>Recognised frames of this camera since the latest sighting.</summary>
    public int MissedFrames { get; private set; }

    public PlateRegion LastBox { get; private set; }

    /// <summary>Sightings in the current read period.</summary>
    public int Sightings { get; private set; }

    /// <summary>True once this read period's read has gone out.</summary>
    public bool Reported { get; private set; }

    /// <summary>Texts seen on this track (at most <see cref="MaxKeptTexts"/>), kept across re-reads so a parked car stays on its track.</summary>
    public IReadOnlyCollection<string> Texts => _texts;

    /// <summary>How long the plate has stood still (every box within <see cref="StandingStillInWidths"/> of the first): zero for a moving plate.</summary>
    public TimeSpan StandingFor => Drift <= StandingStillInWidths ? LastSeenAt - FirstSeenAt : TimeSpan.Zero;

    /// <summary>Adds a sighting; <paramref name="capture"/> is asked for its evidence only when it becomes its text's best before the read goes out.</summary>
    public void Add(PlateReading reading, DateTimeOffset capturedAt, DateTimeOffset now, Func<PlateReading, SightingEvidence>? capture = null)
    {
        if (_texts.Count < MaxKeptTexts)
        {
            _texts.Add(reading.Text);
        }

        Sightings++;
        LastSeenAt = capturedAt > LastSeenAt ? capturedAt : LastSeenAt;
        LastSeenOnClock = now;
        MissedFrames = 0;
        LastBox = reading.Box;
        Drift = Math.Max(Drift, PlateBoxes.DistanceInWidths(FirstBox, reading.Box));
        if (Reported)
        {
            return;
        }

        Keep(reading);
        if (!_bests.TryGetValue(reading.Text, out var best))
        {
            best = new TextBest();
            _bests.Add(reading.Text, best);
        }

        best.Offer(reading, capturedAt, capture);
    }

    public void Missed() => MissedFrames++;

    public void MarkReported() => Reported = true;

    /// <summary>Starts a new read period for a plate that is still in view (a parked car, with <see cref="TrackingOptions.MaxTrackLife"/> set).</summary>
    public void Restart(DateTimeOffset capturedAt)
    {
        _bests.Clear();
        _sightings.Clear();
        Sightings = 0;
        Reported = false;
        StartedAt = capturedAt;
    }

    /// <summary>
    /// The read of this period: the text by <paramref name="method"/>; box, capture time and images of the best sighting of
    /// that text, or, for a fused text no sighting read, of the best sighting of the text nearest it. Alternatives: the other
    /// texts seen (always the majority text), then the recogniser's alternatives of that sighting.
    /// </summary>
    public TrackedRead ToRead(PlateFusionMethod method)
    {
        var fused = PlateTextFusion.Fuse(_sightings, method);
        var text = fused.Text;
        var shown = _bests
            .OrderBy(b => EditDistance.Between(b.Key, text))
            .ThenByDescending(b => b.Value.Best.Confidence)
            .First().Value;
        var majority = method == PlateFusionMethod.Majority ? text : PlateTextFusion.Majority(_sightings).Text;
        var alternatives = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in _sightings.GroupBy(s => s.Text, StringComparer.Ordinal).Where(g => g.Key != text))
        {
            alternatives[group.Key] = PlateTextFusion.WholeTextConfidence(group.Count(), group.Sum(s => Math.Clamp(s.Confidence, 0, 1)), _sightings.Count);
        }

        foreach (var (altText, score) in shown.Best.Alternatives)
        {
            if (altText != text && (!alternatives.TryGetValue(altText, out var known) || known < score))
            {
                alternatives[altText] = score;
            }
        }

        var ranked = alternatives.OrderByDescending(a => a.Value).ToList();
        var kept = ranked.Take(MaxAlternatives).ToList();
        if (majority != text && kept.TrueForAll(a => a.Key != majority))
        {
            kept[^1] = ranked.First(a => a.Key == majority);
            kept = [.. kept.OrderByDescending(a => a.Value)];
        }

        return new TrackedRead
        {
            Camera = Camera,
            Text = text,
            Confidence = fused.Confidence,
            CapturedAt = shown.BestCapturedAt,
            Box = shown.Best.Box,
            Alternatives = kept.Select(a => new PlateAlternative(a.Key, Math.Round(a.Value, 4))).ToList(),
            Sightings = Sightings,
            AgreeingSightings = fused.Agreeing,
            Images = shown.BestEvidence?.Images,
            StageMilliseconds = shown.BestEvidence?.StageMilliseconds,
        };
    }

    private void Keep(PlateReading reading)
    {
        if (_sightings.Count < MaxKeptSightings)
        {
            _sightings.Add(reading);
            return;
        }

        var weakest = 0;
        for (var i = 1; i < _sightings.Count; i++)
        {
            weakest = _sightings[i].Confidence < _sightings[weakest].Confidence ? i : weakest;
        }

        if (reading.Confidence > _sightings[weakest].Confidence)
        {
            _sightings[weakest] = reading;
        }
    }

    /// <summary>The most confident sighting of one text and its evidence.</summary>
    private sealed class TextBest
    {
        public PlateReading Best { get; private set; } = null!;

        public DateTimeOffset BestCapturedAt { get; private set; }

        public SightingEvidence? BestEvidence { get; private set; }

        public void Offer(PlateReading reading, DateTimeOffset capturedAt, Func<PlateReading, SightingEvidence>? capture)
        {
            if (Best is null || reading.Confidence > Best.Confidence)
            {
                Best = reading;
                BestCapturedAt = capturedAt;
                BestEvidence = capture?.Invoke(reading);
            }
        }
    }
}
