using SkiaSharp;

namespace Alpr.Edge.Recognition.Detection;

/// <summary>A text line's four corners, clockwise from the top-left; top edge runs left to right along the text.</summary>
/// <param name="TopLeft">Top-left corner.</param>
/// <param name="TopRight">Top-right corner.</param>
/// <param name="BottomRight">Bottom-right corner.</param>
/// <param name="BottomLeft">Bottom-left corner.</param>
public readonly record struct Quad(SKPoint TopLeft, SKPoint TopRight, SKPoint BottomRight, SKPoint BottomLeft)
{
    /// <summary>Length of the top edge (along the text).</summary>
    public float Width => SKPoint.Distance(TopLeft, TopRight);

    /// <summary>Length of the left edge (across the text).</summary>
    public float Height => SKPoint.Distance(TopLeft, BottomLeft);

    /// <summary>The axis-aligned box around the corners.</summary>
    public SKRect Bounds
    {
        get
        {
            var left = Math.Min(Math.Min(TopLeft.X, TopRight.X), Math.Min(BottomRight.X, BottomLeft.X));
            var top = Math.Min(Math.Min(TopLeft.Y, TopRight.Y), Math.Min(BottomRight.Y, BottomLeft.Y));
            var right = Math.Max(Math.Max(TopLeft.X, TopRight.X), Math.Max(BottomRight.X, BottomLeft.X));
            var bottom = Math.Max(Math.Max(TopLeft.Y, TopRight.Y), Math.Max(BottomRight.Y, BottomLeft.Y));
            return new SKRect(left, top, right, bottom);
        }
    }

    /// <summary>The quad with every x multiplied by <paramref name="sx"/> and every y by <paramref name="sy"/>.</summary>
    public Quad Scale(float sx, float sy) => new(
        new SKPoint(TopLeft.X * sx, TopLeft.Y * sy),
        new SKPoint(TopRight.X * sx, TopRight.Y * sy),
        new SKPoint(BottomRight.X * sx, BottomRight.Y * sy),
        new SKPoint(BottomLeft.X * sx, BottomLeft.Y * sy));

    /// <summary>A quad covering the axis-aligned rectangle.</summary>
    public static Quad FromRect(SKRect rect) => new(
        new SKPoint(rect.Left, rect.Top),
        new SKPoint(rect.Right, rect.Top),
        new SKPoint(rect.Right, rect.Bottom),
        new SKPoint(rect.Left, rect.Bottom));
}
