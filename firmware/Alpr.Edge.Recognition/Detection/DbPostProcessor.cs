using Alpr.Edge.Recognition.Models;
using SkiaSharp;

namespace Alpr.Edge.Recognition.Detection;

/// <summary>
/// Turns a DB (differentiable binarisation) probability map into text boxes: threshold, 8-connected components,
/// minimum-area rectangle per component, its score (the mean probability inside the rectangle, or over the component's own pixels
/// when <see cref="ManifestDecoder.BoxScore"/> says <see cref="ManifestDecoder.ComponentBoxScore"/>), then grow ("unclip") by
/// area * ratio / perimeter.
/// </summary>
public static class DbPostProcessor
{
    private const int MaxCandidates = 1000;

    /// <summary>Boxes in map pixels, in no particular order.</summary>
    public static IReadOnlyList<TextBox> Extract(ReadOnlySpan<float> map, int width, int height, ManifestDecoder settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (map.Length < width * height)
        {
            throw new ArgumentException("map is smaller than width x height", nameof(map));
        }

        var labels = new int[width * height];
        var stack = new Stack<int>();
        var boxes = new List<TextBox>();
        var components = 0;
        for (var start = 0; start < labels.Length && components < MaxCandidates; start++)
        {
            if (labels[start] != 0 || map[start] <= settings.Threshold)
            {
                continue;
            }

            components++;
            var (outline, componentMean) = Flood(map, width, height, settings.Threshold, labels, start, components, stack);
            if (TryBox(map, width, height, outline, componentMean, settings, out var box))
            {
                boxes.Add(box);
            }
        }

        return boxes;
    }

    /// <summary>
    /// Labels one component and returns the corners of its leftmost and rightmost pixel in each row (enough for its hull) and
    /// the mean probability of its pixels.
    /// </summary>
    private static (List<SKPoint> Outline, float Mean) Flood(ReadOnlySpan<float> map, int width, int height, float threshold, int[] labels, int start, int label, Stack<int> stack)
    {
        var rows = new Dictionary<int, (int Min, int Max)>();
        double sum = 0;
        var count = 0;
        labels[start] = label;
        stack.Push(start);
        while (stack.Count > 0)
        {
            var index = stack.Pop();
            sum += map[index];
            count++;
            int x = index % width, y = index / width;
            rows[y] = rows.TryGetValue(y, out var span) ? (Math.Min(span.Min, x), Math.Max(span.Max, x)) : (x, x);
            for (var dy = -1; dy <= 1; dy++)
            {
                var ny = y + dy;
                if (ny < 0 || ny >= height)
                {
                    continue;
                }

                for (var dx = -1; dx <= 1; dx++)
                {
                    var nx = x + dx;
                    if (nx < 0 || nx >= width)
                    {
                        continue;
                    }

                    var n = (ny * width) + nx;
                    if (labels[n] == 0 && map[n] > threshold)
                    {
                        labels[n] = label;
                        stack.Push(n);
                    }
                }
            }
        }

        var outline = new List<SKPoint>(rows.Count * 4);
        foreach (var (y, (min, max)) in rows)
        {
            outline.Add(new SKPoint(min, y));
            outline.Add(new SKPoint(max + 1, y));
            outline.Add(new SKPoint(min, y + 1));
            outline.Add(new SKPoint(max + 1, y + 1));
        }

        return (outline, (float)(sum / count));
    }

    private static bool TryBox(
        ReadOnlySpan<float> map, int width, int height, List<SKPoint> outline, float componentMean, ManifestDecoder settings, out TextBox box)
    {
        box = null!;
        var tight = MinimumAreaRectangle.Of(outline);
        float w = tight.Width, h = tight.Height;
        if (Math.Min(w, h) < settings.MinSide)
        {
            return false;
        }

        var score = settings.BoxScore == ManifestDecoder.ComponentBoxScore ? componentMean : MeanInside(map, width, height, tight);
        if (score < settings.BoxThreshold)
        {
            return false;
        }

        var distance = w * h * settings.UnclipRatio / (2 * (w + h));
        var grown = MinimumAreaRectangle.Of(outline, distance);
        if (Math.Min(grown.Width, grown.Height) < settings.MinSide + 2)
        {
            return false;
        }

        box = new TextBox(grown, score);
        return true;
    }

    /// <summary>Mean map value over the pixels whose centres lie inside the quad.</summary>
    private static float MeanInside(ReadOnlySpan<float> map, int width, int height, Quad quad)
    {
        var bounds = quad.Bounds;
        int x0 = Math.Max(0, (int)MathF.Floor(bounds.Left)), x1 = Math.Min(width - 1, (int)MathF.Ceiling(bounds.Right));
        int y0 = Math.Max(0, (int)MathF.Floor(bounds.Top)), y1 = Math.Min(height - 1, (int)MathF.Ceiling(bounds.Bottom));
        var origin = quad.TopLeft;
        var u = quad.TopRight - origin;
        var v = quad.BottomLeft - origin;
        var uu = (u.X * u.X) + (u.Y * u.Y);
        var vv = (v.X * v.X) + (v.Y * v.Y);
        double sum = 0;
        var count = 0;
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var px = x + 0.5f - origin.X;
                var py = y + 0.5f - origin.Y;
                var a = ((px * u.X) + (py * u.Y)) / uu;
                var b = ((px * v.X) + (py * v.Y)) / vv;
                if (a is >= 0 and <= 1 && b is >= 0 and <= 1)
                {
                    sum += map[(y * width) + x];
                    count++;
                }
            }
        }

        return count == 0 ? 0 : (float)(sum / count);
    }
}
