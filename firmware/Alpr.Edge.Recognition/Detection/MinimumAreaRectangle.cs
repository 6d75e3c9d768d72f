using SkiaSharp;

namespace Alpr.Edge.Recognition.Detection;

/// <summary>The smallest-area rectangle around a point set (rotating calipers over the convex hull).</summary>
public static class MinimumAreaRectangle
{
    /// <summary>
    /// The rectangle as a <see cref="Quad"/> whose top edge is the side closer to horizontal, running left to right;
    /// <paramref name="grow"/> moves every side outwards by that distance.
    /// </summary>
    public static Quad Of(IReadOnlyCollection<SKPoint> points, float grow = 0)
    {
        var hull = ConvexHull.Of(points);
        if (hull.Count == 0)
        {
            throw new ArgumentException("no points", nameof(points));
        }

        var bestArea = float.MaxValue;
        SKPoint bestU = new(1, 0);
        float minU = 0, maxU = 0, minV = 0, maxV = 0;
        var edges = Math.Max(hull.Count, 1);
        for (var i = 0; i < edges; i++)
        {
            var u = hull.Count < 2 ? new SKPoint(1, 0) : hull[(i + 1) % hull.Count] - hull[i];
            var length = u.Length;
            if (length < 1e-6f)
            {
                continue;
            }

            u = new SKPoint(u.X / length, u.Y / length);
            var v = new SKPoint(-u.Y, u.X);
            float a0 = float.MaxValue, a1 = float.MinValue, b0 = float.MaxValue, b1 = float.MinValue;
            foreach (var p in hull)
            {
                var a = (p.X * u.X) + (p.Y * u.Y);
                var b = (p.X * v.X) + (p.Y * v.Y);
                a0 = Math.Min(a0, a);
                a1 = Math.Max(a1, a);
                b0 = Math.Min(b0, b);
                b1 = Math.Max(b1, b);
            }

            var area = (a1 - a0) * (b1 - b0);
            if (area < bestArea)
            {
                (bestArea, bestU, minU, maxU, minV, maxV) = (area, u, a0, a1, b0, b1);
            }
        }

        if (bestArea == float.MaxValue)
        {
            var p = hull[0];
            return Build(new SKPoint(1, 0), p.X - grow, p.X + grow, p.Y - grow, p.Y + grow);
        }

        return Orient(bestU, minU - grow, maxU + grow, minV - grow, maxV + grow);
    }

    private static Quad Orient(SKPoint u, float minU, float maxU, float minV, float maxV)
    {
        // Make u the axis closer to horizontal, pointing right; v = u rotated +90 degrees then points down (image y grows downwards).
        if (Math.Abs(u.X) < Math.Abs(u.Y))
        {
            // Rotate the frame by 90 degrees: new u = old v, new v = -old u.
            (u, minU, maxU, minV, maxV) = (new SKPoint(-u.Y, u.X), minV, maxV, -maxU, -minU);
        }

        if (u.X < 0)
        {
            (u, minU, maxU, minV, maxV) = (new SKPoint(-u.X, -u.Y), -maxU, -minU, -maxV, -minV);
        }

        return Build(u, minU, maxU, minV, maxV);
    }

    private static Quad Build(SKPoint u, float minU, float maxU, float minV, float maxV)
    {
        var v = new SKPoint(-u.Y, u.X);
        SKPoint At(float a, float b) => new((u.X * a) + (v.X * b), (u.Y * a) + (v.Y * b));
        return new Quad(At(minU, minV), At(maxU, minV), At(maxU, maxV), At(minU, maxV));
    }
}
