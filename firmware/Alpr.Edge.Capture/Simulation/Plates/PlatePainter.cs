using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Plates;

/// <summary>
/// Draws a US-style 12:6 plate centred on the canvas origin, in scene units (225 x 112.5): light background,
/// dark border, the state name above and the slogan below the condensed bold characters.
/// </summary>
public sealed class PlatePainter
{
    /// <summary>Plate width in scene units.</summary>
    public const float PlateWidth = 225f;

    /// <summary>Plate height in scene units (12:6).</summary>
    public const float PlateHeight = PlateWidth / 2;

    /// <summary>Height of the main characters as a fraction of the plate height.</summary>
    public const float CharacterHeightFraction = 0.44f;

    private const float MaxTextWidth = PlateWidth * 0.86f;
    private const float TextCentreY = PlateHeight * 0.06f;
    private const float MaxScaleX = 0.80f;

    private readonly SKTypeface _typeface;
    private readonly float _characterFontSize;

    /// <summary>Creates a painter drawing with <paramref name="typeface"/>.</summary>
    public PlatePainter(PlateTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        _typeface = typeface.Typeface;
        using var probe = new SKFont(_typeface, 100);
        probe.GetFontMetrics(out var metrics);
        var capHeight = metrics.CapHeight > 0 ? metrics.CapHeight : 73f;
        _characterFontSize = 100f * PlateHeight * CharacterHeightFraction / capHeight;
    }

    /// <summary>Draws <paramref name="plate"/>; <paramref name="filter"/> (if any) recolours it, as for the night look.</summary>
    public void Draw(SKCanvas canvas, PlateDesign plate, SKColorFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(plate);
        var rect = new SKRect(-PlateWidth / 2, -PlateHeight / 2, PlateWidth / 2, PlateHeight / 2);
        var style = plate.Style;

        using (var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, rect.Top), new SKPoint(0, rect.Bottom), [style.Background, Shade(style.Background, 0.9f)], SKShaderTileMode.Clamp))
        using (var background = new SKPaint { Shader = shader, IsAntialias = true, ColorFilter = filter })
        {
            canvas.DrawRoundRect(rect, 7, 7, background);
        }

        using (var border = new SKPaint { Color = style.Border, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4, ColorFilter = filter })
        {
            var inner = rect;
            inner.Inflate(-4, -4);
            canvas.DrawRoundRect(inner, 5, 5, border);
        }

        using (var bolt = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true, ColorFilter = filter })
        {
            canvas.DrawCircle(-PlateWidth * 0.41f, -PlateHeight * 0.33f, 3.5f, bolt);
            canvas.DrawCircle(PlateWidth * 0.41f, -PlateHeight * 0.33f, 3.5f, bolt);
        }

        using var ink = new SKPaint { Color = style.StateName, IsAntialias = true, ColorFilter = filter };
        DrawCentred(canvas, plate.Format.StateName, 15f, 0.9f, -PlateHeight * 0.30f, PlateWidth * 0.55f, ink);
        if (plate.Format.Slogan is { } slogan)
        {
            DrawCentred(canvas, slogan, 9.5f, 0.9f, PlateHeight * 0.40f, PlateWidth * 0.7f, ink);
        }

        ink.Color = style.Characters;
        DrawCentred(canvas, plate.Text, _characterFontSize, MaxScaleX, TextCentreY, MaxTextWidth, ink);
    }

    /// <summary>Draws <paramref name="text"/> with its cap height centred on <paramref name="centreY"/>, condensed to fit <paramref name="maxWidth"/>.</summary>
    private void DrawCentred(SKCanvas canvas, string text, float size, float scaleX, float centreY, float maxWidth, SKPaint paint)
    {
        using var font = new SKFont(_typeface, size, scaleX) { Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None, Subpixel = true };
        var width = font.MeasureText(text);
        if (width > maxWidth)
        {
            font.ScaleX = scaleX * maxWidth / width;
        }

        using var path = font.GetTextPath(text, SKPoint.Empty);
        var bounds = path.Bounds;
        var dx = -bounds.MidX;
        var dy = centreY - bounds.MidY;
        path.Transform(SKMatrix.CreateTranslation(dx, dy));
        canvas.DrawPath(path, paint);
    }

    private static SKColor Shade(SKColor colour, float factor) =>
        new((byte)(colour.Red * factor), (byte)(colour.Green * factor), (byte)(colour.Blue * factor));
}
