namespace Alpr.Edge.Capture.GroundTruth;

/// <summary>One plate in view in a simulated frame.</summary>
public sealed record PlateGroundTruth
{
    /// <summary>The characters on the plate, upper case, no spaces (what a perfect reader returns).</summary>
    public required string Text { get; init; }

    /// <summary>Issuing state code (such as <c>CA</c>), or <c>US</c> for the generic design.</summary>
    public required string State { get; init; }

    /// <summary>Identifier of the vehicle carrying the plate; the same across the frames it is seen in.</summary>
    public required int VehicleId { get; init; }

    /// <summary>Axis-aligned box around the plate, clipped to the frame.</summary>
    public required PixelBox Box { get; init; }

    /// <summary>The plate's corners in frame pixels: top-left, top-right, bottom-right, bottom-left (not clipped).</summary>
    public required IReadOnlyList<PixelPoint> Quad { get; init; }

    /// <summary>Whether all four corners lie inside the frame.</summary>
    public required bool FullyVisible { get; init; }

    /// <summary>Approximate height of the plate characters in frame pixels.</summary>
    public required float CharacterHeight { get; init; }
}
