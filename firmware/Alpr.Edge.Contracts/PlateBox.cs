namespace Alpr.Edge.Contracts;

/// <summary>An axis-aligned plate box in frame pixels.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record PlateBox(int X, int Y, int Width, int Height);
