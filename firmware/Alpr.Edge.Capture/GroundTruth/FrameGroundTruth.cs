namespace Alpr.Edge.Capture.GroundTruth;

/// <summary>What a simulated frame shows: the plates in view, partly or fully.</summary>
public sealed record FrameGroundTruth
{
    /// <summary>Frame index within the simulated stream, from 0.</summary>
    public required long Sequence { get; init; }

    /// <summary>Frame width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Frame height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Whether the frame was rendered with the night (infrared) look.</summary>
    public required bool Night { get; init; }

    /// <summary>Plates at least partly in the frame, nearest (lowest in the frame) last.</summary>
    public required IReadOnlyList<PlateGroundTruth> Plates { get; init; }
}
