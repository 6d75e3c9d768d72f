using Alpr.Edge.Recognition.Detection;

namespace Alpr.Edge.Recognition.PlateRegions;

/// <summary>A plate region found by a plates-mode detector, padded for the reader; all in frame pixels.</summary>
/// <param name="Detected">The detector's box (rotated rectangle) and its mean probability.</param>
/// <param name="Padded">The box padded along its own axes and clamped to the frame: what the reader is given.</param>
/// <param name="Bounds">The axis-aligned bounds of <see cref="Padded"/>, in whole pixels inside the frame: the reported box.</param>
public sealed record PlateBox(TextBox Detected, Quad Padded, PlateRegion Bounds);
