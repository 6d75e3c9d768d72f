using System.Text.Json.Serialization;

namespace Alpr.Edge.Capture.GroundTruth;

/// <summary>An axis-aligned box in whole frame pixels.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record PixelBox(int X, int Y, int Width, int Height)
{
    /// <summary>Right edge (exclusive).</summary>
    [JsonIgnore]
    public int Right => X + Width;

    /// <summary>Bottom edge (exclusive).</summary>
    [JsonIgnore]
    public int Bottom => Y + Height;

    /// <summary>The smallest whole-pixel box around <paramref name="points"/>, clipped to a frame of the given size.</summary>
    public static PixelBox Around(IReadOnlyList<PixelPoint> points, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("at least one point is needed", nameof(points));
        }

        var left = (int)MathF.Floor(points.Min(p => p.X));
        var top = (int)MathF.Floor(points.Min(p => p.Y));
        var right = (int)MathF.Ceiling(points.Max(p => p.X));
        var bottom = (int)MathF.Ceiling(points.Max(p => p.Y));
        left = Math.Clamp(left, 0, frameWidth);
        right = Math.Clamp(right, 0, frameWidth);
        top = Math.Clamp(top, 0, frameHeight);
        bottom = Math.Clamp(bottom, 0, frameHeight);
        return new PixelBox(left, top, right - left, bottom - top);
    }
}
