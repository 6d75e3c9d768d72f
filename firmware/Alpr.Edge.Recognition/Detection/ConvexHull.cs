using SkiaSharp;

namespace Alpr.Edge.Recognition.Detection;

/// <summary>Convex hull of a point set (Andrew's monotone chain), counter-clockwise in a y-up frame.</summary>
public static class ConvexHull
{
    /// <summary>The hull's vertices without repeats; fewer than three points are returned as they are.</summary>
    public static IReadOnlyList<SKPoint> Of(IReadOnlyCollection<SKPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        if (sorted.Length < 3)
        {
            return sorted;
        }

        var hull = new SKPoint[2 * sorted.Length];
        var k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }

            hull[k++] = p;
        }

        var lower = k + 1;
        for (var i = sorted.Length - 2; i >= 0; i--)
        {
            var p = sorted[i];
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }

            hull[k++] = p;
        }

        return hull[..(k - 1)];
    }

    private static float Cross(SKPoint o, SKPoint a, SKPoint b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
