using Alpr.Edge.Firmware.Evidence;
using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>
/// Groups plate sightings across frames into tracks, one per vehicle pass, and yields one read per track.
/// A sighting joins a track on the same camera when its text is the same; or within
/// <see cref="TrackingOptions.MaxTextDistance"/> edits with a box within <see cref="TrackingOptions.MaxBoxDistanceInWidths"/>;
/// or, with its box where the track's last was (within half a plate width), when it agrees on most characters or the
/// track's plate was there fewer than <see cref="TrackingOptions.MissedFrames"/> frames before (a noisy reading of the same
/// plate: two plates do not overlap). A track is reported once it settles (enough sightings, or old enough) or when it closes,
/// whichever comes first; its text is fused from its sightings by <see cref="TrackingOptions.Fusion"/>
/// (<see cref="PlateTextFusion"/>). It closes when its plate has been missing for <see cref="TrackingOptions.Gap"/> of
/// capture time and <see cref="TrackingOptions.MissedFrames"/> recognised frames (so a slow recogniser that sees a pass in
/// few frames does not split it), or, when the camera sends nothing, after <see cref="TrackingOptions.StallClose"/> on the
/// clock. A standing plate (a parked or stopped car) waits twice as long as it has stood, up to
/// <see cref="TrackingOptions.ParkedGap"/>, and is read once while it stays, or once per
/// <see cref="TrackingOptions.MaxTrackLife"/> when that is set.
/// Not thread-safe: one owner (the recognition worker) calls it.
/// </summary>
public sealed class PlateTracker
{
    /// <summary>A sighting whose box is within this many plate widths of a track's last box is where that plate is.</summary>
    private const double InPlaceInWidths = PlateTrack.StandingStillInWidths;

    /// <summary>A standing plate's track waits this many times as long as the plate has stood (see <see cref="TrackingOptions.ParkedGap"/>).</summary>
    private const int StandingWaitFactor = 2;

    private readonly TrackingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, List<PlateTrack>> _tracks = new(StringComparer.Ordinal);

    /// <summary>Creates a tracker with no open tracks.</summary>
    public PlateTracker(TrackingOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>Tracks open on every camera.</summary>
    public int OpenTracks => _tracks.Values.Sum(t => t.Count);

    /// <summary>Adds one recognised frame's plates (none is news too) and returns the reads that are due.</summary>
    public IReadOnlyList<TrackedRead> Observe(string camera, DateTimeOffset capturedAt, IReadOnlyList<PlateReading> plates) =>
        Observe(camera, capturedAt, plates, capture: null);

    /// <summary>
    /// Adds one recognised frame's plates and returns the reads that are due; <paramref name="capture"/> takes the
    /// evidence of a sighting from this frame (images, stage timings), and is called only for sightings that become their text's best.
    /// </summary>
    public IReadOnlyList<TrackedRead> Observe(string camera, DateTimeOffset capturedAt, IReadOnlyList<PlateReading> plates, Func<PlateReading, SightingEvidence>? capture)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(plates);
        var now = _timeProvider.GetUtcNow();
        var due = new List<TrackedRead>();
        if (!_tracks.TryGetValue(camera, out var tracks))
        {
            tracks = [];
            _tracks.Add(camera, tracks);
        }

        Close(tracks, t => t.MissedFrames >= _options.MissedFrames && capturedAt - t.LastSeenAt > GapOf(t), due);
        var fed = new HashSet<PlateTrack>();
        foreach (var plate in plates.Where(p => p.Text.Length > 0).OrderByDescending(p => p.Confidence))
        {
            if (fed.Any(t => t.Texts.Contains(plate.Text)))
            {
                continue; // the same text twice in one frame is one plate found twice
            }

            var track = FindTrack(tracks, plate, fed);
            if (track is null)
            {
                track = new PlateTrack(camera, plate.Box, capturedAt, now);
                tracks.Add(track);
            }

            track.Add(plate, capturedAt, now, capture);
            fed.Add(track);
        }

        foreach (var track in tracks.Where(t => !fed.Contains(t)))
        {
            track.Missed();
        }

        ReportDue(tracks, capturedAt, due);
        return due;
    }

    /// <summary>Closes tracks of cameras that stopped sending frames; call it when no frame arrives for a while.</summary>
    public IReadOnlyList<TrackedRead> Expire()
    {
        var now = _timeProvider.GetUtcNow();
        var due = new List<TrackedRead>();
        foreach (var tracks in _tracks.Values)
        {
            Close(tracks, t => now - t.LastSeenOnClock > _options.StallClose, due);
        }

        return due;
    }

    /// <summary>Closes every open track (the source ended or the device is stopping).</summary>
    public IReadOnlyList<TrackedRead> Flush()
    {
        var due = new List<TrackedRead>();
        foreach (var tracks in _tracks.Values)
        {
            Close(tracks, _ => true, due);
        }

        return due;
    }

    /// <summary>How long a track waits for its plate: the gap, or for a standing plate twice as long as it has stood, up to the parked gap.</summary>
    private TimeSpan GapOf(PlateTrack track)
    {
        var standing = track.StandingFor * StandingWaitFactor;
        return standing <= _options.Gap ? _options.Gap : standing >= _options.ParkedGap ? _options.ParkedGap : standing;
    }

    private void Close(List<PlateTrack> tracks, Func<PlateTrack, bool> closes, List<TrackedRead> due)
    {
        var closing = tracks.Where(closes).ToList();
        foreach (var track in closing)
        {
            if (!track.Reported && track.Sightings > 0)
            {
                due.Add(track.ToRead(_options.Fusion));
            }
        }

        tracks.RemoveAll(closing.Contains);
    }

    private void ReportDue(List<PlateTrack> tracks, DateTimeOffset capturedAt, List<TrackedRead> due)
    {
        foreach (var track in tracks)
        {
            if (track.Reported && _options.MaxTrackLife is { } life && capturedAt - track.StartedAt >= life)
            {
                track.Restart(capturedAt);
            }

            if (!track.Reported && track.Sightings > 0
                && (track.Sightings >= _options.SettleSightings || capturedAt - track.StartedAt >= _options.SettleTime))
            {
                due.Add(track.ToRead(_options.Fusion));
                track.MarkReported();
            }
        }
    }

    private PlateTrack? FindTrack(List<PlateTrack> tracks, PlateReading plate, HashSet<PlateTrack> fed)
    {
        PlateTrack? best = null;
        var bestScore = double.MaxValue;
        foreach (var track in tracks)
        {
            if (fed.Contains(track))
            {
                continue;
            }

            var (distance, nearest) = track.Texts.Select(t => (distance: TextDistance(t, plate.Text), t)).MinBy(d => d.distance);
            var boxDistance = PlateBoxes.DistanceInWidths(track.LastBox, plate.Box);
            var joins = distance == 0
                || (distance <= _options.MaxTextDistance && boxDistance <= _options.MaxBoxDistanceInWidths)
                || (boxDistance <= InPlaceInWidths && (track.MissedFrames < _options.MissedFrames || FusionBallot.AgreesOnMost(distance, nearest.Length, plate.Text.Length)));
            var score = (distance * 1000) + boxDistance;
            if (joins && score < bestScore)
            {
                best = track;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// Edit distance, except that a text of 4 or more characters inside the other counts as 1 edit:
    /// a plate entering or leaving the frame is read with characters cut off (<c>M6221</c> of <c>UYM6221</c>).
    /// </summary>
    private static int TextDistance(string a, string b)
    {
        var distance = EditDistance.Between(a, b);
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return distance > 1 && shorter.Length >= 4 && longer.Contains(shorter, StringComparison.Ordinal) ? 1 : distance;
    }
}
