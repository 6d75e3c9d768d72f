using Alpr.Edge.Capture.GroundTruth;
using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation;

/// <summary>A rendered simulated frame and what it shows. The receiver owns (and disposes) <see cref="Image"/>.</summary>
/// <param name="Image">The picture, RGBA 8888.</param>
/// <param name="GroundTruth">The plates in it.</param>
public sealed record RenderedFrame(SKBitmap Image, FrameGroundTruth GroundTruth);
