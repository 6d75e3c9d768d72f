using Alpr.Edge.Recognition.Detection;
using SkiaSharp;

namespace Alpr.Edge.Recognition.PostProcessing;

/// <summary>
/// Estimates a whole plate's box from the (grown) box of its character line. A US plate is 12 x 6 inches with characters
/// about 3 inches tall across about 10 inches; the detector's box grows the characters' extent by about a fifth, so the
/// plate is about as wide as the grown line and half as tall as wide (never less tall than the line itself).
/// </summary>
public static class PlateExtent
{
    private const float WidthFactor = 1.0f;
    private const float AspectRatio = 2.0f;
    private const float MinHeightFactor = 1.0f;

    /// <summary>The estimated plate box, clipped to the image.</summary>
    public static PlateRegion Estimate(Quad line, int imageWidth, int imageHeight)
    {
        var bounds = line.Bounds;
        var width = bounds.Width * WidthFactor;
        var height = Math.Max(bounds.Height * MinHeightFactor, width / AspectRatio);
        var rect = SKRect.Create(bounds.MidX - (width / 2), bounds.MidY - (height / 2), width, height);
        return Clip(rect, imageWidth, imageHeight);
    }

    /// <summary>The rectangle as integer pixels inside the image.</summary>
    public static PlateRegion Clip(SKRect rect, int imageWidth, int imageHeight)
    {
        var left = Math.Clamp((int)MathF.Floor(rect.Left), 0, imageWidth);
        var top = Math.Clamp((int)MathF.Floor(rect.Top), 0, imageHeight);
        var right = Math.Clamp((int)MathF.Ceiling(rect.Right), left, imageWidth);
        var bottom = Math.Clamp((int)MathF.Ceiling(rect.Bottom), top, imageHeight);
        return new PlateRegion(left, top, right - left, bottom - top);
    }
}
