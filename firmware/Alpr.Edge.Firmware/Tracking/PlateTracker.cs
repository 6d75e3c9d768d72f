using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>
/// Groups plate sightings across frames into tracks, one per vehicle pass, and yields one read per track.
/// A sighting joins a track on the same camera when its text is the same, or within
/// <see cref="TrackingOptions.MaxTextDistance"/> edits with a nearby box. A track is reported once it
/// settles (enough sightings or old enough) or closes (not seen for <see cref="TrackingOptions.Gap"/>),
/// whichever comes first; a plate still in view after <see cref="TrackingOptions.MaxTrackLife"/> is read again.
/// Not thread-safe: one owner (the recognition worker) calls it.
/// </summary>
public sealed class PlateTracker
{
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

    /// <summary>Adds one frame's plates and returns the reads that are due (possibly none).</summary>
    public IReadOnlyList<TrackedRead> Observe(string camera, DateTimeOffset capturedAt, IReadOnlyList<PlateReading> plates)
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

        CloseStale(tracks, now, due);
        var fed = new HashSet<PlateTrack>();
        foreach (var plate in plates.Where(p => p.Text.Length > 0).OrderByDescending(p => p.Confidence))
        {
            var track = FindTrack(tracks, plate, fed);
            if (track is null)
            {
                track = new PlateTrack(camera, now);
                tracks.Add(track);
            }

            track.Add(plate, capturedAt, now);
            fed.Add(track);
        }

        ReportDue(tracks, now, due);
        return due;
    }

    /// <summary>Closes tracks not seen for the gap on every camera; call it when no frames arrive.</summary>
    public IReadOnlyList<TrackedRead> Expire()
    {
        var now = _timeProvider.GetUtcNow();
        var due = new List<TrackedRead>();
        foreach (var tracks in _tracks.Values)
        {
            CloseStale(tracks, now, due);
            ReportDue(tracks, now, due);
        }

        return due;
    }

    /// <summary>Closes every open track (the source ended or the device is stopping).</summary>
    public IReadOnlyList<TrackedRead> Flush()
    {
        var due = new List<TrackedRead>();
        foreach (var tracks in _tracks.Values)
        {
            due.AddRange(tracks.Where(t => !t.Reported && t.Sightings > 0).Select(t => t.ToRead()));
            tracks.Clear();
        }

        return due;
    }

    private void CloseStale(List<PlateTrack> tracks, DateTimeOffset now, List<TrackedRead> due)
    {
        for (var i = tracks.Count - 1; i >= 0; i--)
        {
            var track = tracks[i];
            if (now - track.LastSeenAt > _options.Gap)
            {
                if (!track.Reported && track.Sightings > 0)
                {
                    due.Add(track.ToRead());
                }

                tracks.RemoveAt(i);
            }
        }
    }

    private void ReportDue(List<PlateTrack> tracks, DateTimeOffset now, List<TrackedRead> due)
    {
        foreach (var track in tracks)
        {
            if (track.Reported && now - track.StartedAt >= _options.MaxTrackLife)
            {
                track.Restart(now);
            }

            if (!track.Reported && track.Sightings > 0
                && (track.Sightings >= _options.SettleSightings || now - track.StartedAt >= _options.SettleTime))
            {
                due.Add(track.ToRead());
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

            var distance = track.Texts.Min(t => EditDistance.Between(t, plate.Text));
            var boxDistance = BoxDistanceInWidths(track.LastBox, plate.Box);
            var joins = distance == 0
                || (distance <= _options.MaxTextDistance && boxDistance <= _options.MaxBoxDistanceInWidths);
            var score = (distance * 1000) + boxDistance;
            if (joins && score < bestScore)
            {
                best = track;
                bestScore = score;
            }
        }

        return best;
    }

    private static double BoxDistanceInWidths(PlateRegion a, PlateRegion b)
    {
        var dx = (a.X + (a.Width / 2.0)) - (b.X + (b.Width / 2.0));
        var dy = (a.Y + (a.Height / 2.0)) - (b.Y + (b.Height / 2.0));
        var width = Math.Max(1, Math.Max(a.Width, b.Width));
        return Math.Sqrt((dx * dx) + (dy * dy)) / width;
    }
}
