namespace Alpr.Edge.Firmware.Tracking;

/// <summary>How sightings of a plate across frames are grouped into one vehicle pass (config section <c>Tracking</c>).</summary>
public sealed class TrackingOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Tracking";

    /// <summary>
    /// A track closes when its plate has not been seen for this long (in capture time) and in at least
    /// <see cref="MissedFrames"/> recognised frames, so a slow recogniser does not split a vehicle pass.
    /// </summary>
    public TimeSpan Gap { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Recognised frames in a row without the plate before its track may close.</summary>
    public int MissedFrames { get; set; } = 2;

    /// <summary>When no frames arrive at all, a track closes after this long on the clock.</summary>
    public TimeSpan StallClose { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>A track is reported early once it has this many sightings (it stays open, silently).</summary>
    public int SettleSightings { get; set; } = 5;

    /// <summary>A track is reported early once it is this old (it stays open, silently).</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A plate that stays in view (a parked car) is read again after this long.</summary>
    public TimeSpan MaxTrackLife { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most character edits between two texts still taken as the same plate.</summary>
    public int MaxTextDistance { get; set; } = 1;

    /// <summary>Two boxes are near when their centres are at most this many box widths apart.</summary>
    public double MaxBoxDistanceInWidths { get; set; } = 5;
}
