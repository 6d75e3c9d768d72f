using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Scene;

/// <summary>
/// Paints the still part of the picture once per stream: pavement and verge, kerbs, asphalt with stains and
/// a manhole cover, a dashed lane divider and solid edge lines, all in the street's perspective.
/// </summary>
public static class RoadPainter
{
    private const float RoadLeft = 0.03f;
    private const float RoadRight = 0.97f;
    private const float KerbWidth = 0.022f;
    private const float PavementWidth = 0.16f;

    /// <summary>Renders the background of a stream with the given seed; <paramref name="filter"/> (if any) recolours it.</summary>
    public static SKImage Render(StreetGeometry geometry, int seed, SKColorFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var random = new Random(unchecked(seed * 7919 + 13));
        var info = new SKImageInfo(geometry.Width, geometry.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        using var paint = new SKPaint { IsAntialias = true, ColorFilter = filter };

        // Verge (grass) everywhere, then pavement, kerb and road strips on top, from outside in.
        paint.Color = new SKColor(0x4B, 0x66, 0x33);
        canvas.DrawRect(0, 0, geometry.Width, geometry.Height, paint);
        paint.Color = new SKColor(0x9C, 0x99, 0x92);
        FillStrip(canvas, geometry, RoadLeft - KerbWidth - PavementWidth, RoadRight + KerbWidth + PavementWidth, paint);
        paint.Color = new SKColor(0xBD, 0xBA, 0xB2);
        FillStrip(canvas, geometry, RoadLeft - KerbWidth, RoadRight + KerbWidth, paint);
        using (var asphalt = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(0, geometry.Height), [new SKColor(0x66, 0x67, 0x69), new SKColor(0x55, 0x56, 0x58)], SKShaderTileMode.Clamp))
        {
            paint.Shader = asphalt;
            FillStrip(canvas, geometry, RoadLeft, RoadRight, paint);
            paint.Shader = null;
        }

        DrawPavementJoints(canvas, geometry, paint);
        DrawStains(canvas, geometry, random, paint);
        DrawGrain(canvas, geometry, random, paint);

        // Markings: solid edge lines, dashed divider.
        paint.Color = new SKColor(0xE8, 0xE8, 0xE0);
        FillStrip(canvas, geometry, RoadLeft + 0.012f, RoadLeft + 0.02f, paint);
        FillStrip(canvas, geometry, RoadRight - 0.02f, RoadRight - 0.012f, paint);
        for (var depth = 1.0f - 0.05f * (float)random.NextDouble(); ; depth += 0.11f)
        {
            var near = geometry.RowAtDepth(depth);
            var far = geometry.RowAtDepth(depth + 0.05f);
            if (near < 0)
            {
                break;
            }

            FillStrip(canvas, geometry, 0.505f, 0.517f, paint, far, near);
        }

        return surface.Snapshot();
    }

    private static void DrawPavementJoints(SKCanvas canvas, StreetGeometry geometry, SKPaint paint)
    {
        paint.Color = new SKColor(0x80, 0x7D, 0x77);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 1.5f * geometry.Unit;
        for (var depth = 1.0f; ; depth += 0.03f)
        {
            var y = geometry.RowAtDepth(depth);
            if (y < 0)
            {
                break;
            }

            canvas.DrawLine(geometry.RoadLineX(RoadLeft - KerbWidth - PavementWidth, y), y, geometry.RoadLineX(RoadLeft - KerbWidth, y), y, paint);
            canvas.DrawLine(geometry.RoadLineX(RoadRight + KerbWidth, y), y, geometry.RoadLineX(RoadRight + KerbWidth + PavementWidth, y), y, paint);
        }

        paint.Style = SKPaintStyle.Fill;
    }

    private static void DrawStains(SKCanvas canvas, StreetGeometry geometry, Random random, SKPaint paint)
    {
        for (var i = 0; i < 7; i++)
        {
            var y = (float)random.NextDouble() * geometry.Height;
            var x = geometry.RoadLineX(0.15f + 0.7f * (float)random.NextDouble(), y);
            var scale = geometry.ScaleAt(y);
            paint.Color = new SKColor(0x30, 0x30, 0x32, (byte)random.Next(14, 34));
            canvas.DrawOval(x, y, (30 + 60 * (float)random.NextDouble()) * scale, (8 + 14 * (float)random.NextDouble()) * scale, paint);
        }

        var manholeY = geometry.Height * (0.35f + 0.3f * (float)random.NextDouble());
        var manholeScale = geometry.ScaleAt(manholeY);
        var manholeX = geometry.RoadLineX(0.5f + (random.Next(2) == 0 ? -0.12f : 0.12f), manholeY);
        paint.Color = new SKColor(0x3C, 0x3B, 0x3A);
        canvas.DrawOval(manholeX, manholeY, 55 * manholeScale, 20 * manholeScale, paint);
        paint.Color = new SKColor(0x4E, 0x4D, 0x4B);
        canvas.DrawOval(manholeX, manholeY, 47 * manholeScale, 16 * manholeScale, paint);
    }

    private static void DrawGrain(SKCanvas canvas, StreetGeometry geometry, Random random, SKPaint paint)
    {
        var count = geometry.Width * geometry.Height / 60;
        for (var i = 0; i < count; i++)
        {
            var light = random.Next(2) == 0;
            paint.Color = light ? new SKColor(0xFF, 0xFF, 0xFF, 18) : new SKColor(0, 0, 0, 22);
            canvas.DrawRect(random.Next(geometry.Width), random.Next(geometry.Height), 2 * geometry.Unit, 2 * geometry.Unit, paint);
        }
    }

    /// <summary>Fills the band of road between two lines given by where they cross the bottom edge, over a range of rows.</summary>
    private static void FillStrip(SKCanvas canvas, StreetGeometry geometry, float left, float right, SKPaint paint, float top = 0, float bottom = float.NaN)
    {
        if (float.IsNaN(bottom))
        {
            bottom = geometry.Height;
        }

        using var path = new SKPath();
        path.MoveTo(geometry.RoadLineX(left, top), top);
        path.LineTo(geometry.RoadLineX(right, top), top);
        path.LineTo(geometry.RoadLineX(right, bottom), bottom);
        path.LineTo(geometry.RoadLineX(left, bottom), bottom);
        path.Close();
        canvas.DrawPath(path, paint);
    }
}
