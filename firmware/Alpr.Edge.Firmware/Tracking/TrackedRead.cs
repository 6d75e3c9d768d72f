using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Evidence;
using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Tracking;

/// <summary>The one read a track yields: the text most sightings agreed on, and how sure the track is of it.</summary>
public sealed record TrackedRead
{
    /// <summary>Camera the plate was seen by.</summary>
    public required string Camera { get; init; }

    /// <summary>Normalised plate text chosen by the track (majority, then confidence).</summary>
    public required string Text { get; init; }

    /// <summary>Confidence 0..1, raised by agreement across frames and lowered by disagreement.</summary>
    public required double Confidence { get; init; }

    /// <summary>Capture time of the best sighting of <see cref="Text"/>.</summary>
    public required DateTimeOffset CapturedAt { get; init; }

    /// <summary>Box of the best sighting of <see cref="Text"/>.</summary>
    public required PlateRegion Box { get; init; }

    /// <summary>Other texts the track saw or the recogniser offered, best first.</summary>
    public required IReadOnlyList<PlateAlternative> Alternatives { get; init; }

    /// <summary>Frames the plate was seen in.</summary>
    public required int Sightings { get; init; }

    /// <summary>Frames that agreed on <see cref="Text"/>.</summary>
    public required int AgreeingSightings { get; init; }

    /// <summary>Plate crop and overview of the best sighting of <see cref="Text"/>, when images are kept.</summary>
    public SightingImages? Images { get; init; }

    /// <summary>Milliseconds per recognition stage on the frame of the best sighting, when known.</summary>
    public IReadOnlyDictionary<string, double>? StageMilliseconds { get; init; }
}
