namespace Alpr.Edge.Recognition.Detection;

/// <summary>A text line found by the detector, in image pixels, with the mean text probability inside it.</summary>
/// <param name="Corners">The line's corners.</param>
/// <param name="Score">Mean detector probability inside the (un-grown) box, 0..1.</param>
public sealed record TextBox(Quad Corners, float Score);
