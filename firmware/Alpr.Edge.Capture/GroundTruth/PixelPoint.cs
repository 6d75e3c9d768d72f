namespace Alpr.Edge.Capture.GroundTruth;

/// <summary>A point in frame pixels (x to the right, y down).</summary>
/// <param name="X">Horizontal position.</param>
/// <param name="Y">Vertical position.</param>
public sealed record PixelPoint(float X, float Y);
