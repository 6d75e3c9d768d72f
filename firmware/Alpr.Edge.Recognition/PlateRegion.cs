namespace Alpr.Edge.Recognition;

/// <summary>An axis-aligned region in frame pixels.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public readonly record struct PlateRegion(int X, int Y, int Width, int Height);
