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

    /// <summary>
    /// The longest a standing plate's track waits for it. A plate that has stayed within half a plate width of where it was
    /// first seen (a parked or stopped car) waits twice as long as it has stood, at least <see cref="Gap"/> and at most this,
    /// so a passing truck or a few frames the recogniser misses do not make a new read of a car that never left.
    /// </summary>
    public TimeSpan ParkedGap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When set, a plate still in view this long after its read (a parked car) is read again, once per this long.
    /// Unset (the default), a parked car yields one read when it arrives and no more while it stays.
    /// </summary>
    public TimeSpan? MaxTrackLife { get; set; }

    /// <summary>How a track's sightings become its read's text (default <see cref="PlateFusionMethod.Vote"/>).</summary>
    public PlateFusionMethod Fusion { get; set; } = PlateFusionMethod.Vote;

    /// <summary>Most character edits between two texts still taken as the same plate.</summary>
    public int MaxTextDistance { get; set; } = 1;

    /// <summary>Two boxes are near when their centres are at most this many box widths apart.</summary>
    public double MaxBoxDistanceInWidths { get; set; } = 5;
}
