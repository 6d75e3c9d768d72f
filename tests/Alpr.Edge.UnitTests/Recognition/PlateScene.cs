using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>Renders US-style test plates: dark characters on a light plate with a border and a small state name above.</summary>
internal static class PlateScene
{
    private const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>A grey 1280x720 frame with one plate <paramref name="plateWidth"/> wide at (<paramref name="left"/>, <paramref name="top"/>), turned by <paramref name="degrees"/>.</summary>
    public static SKBitmap Frame(string text, int left = 520, int top = 380, int plateWidth = 220, float degrees = 0, string state = "CALIFORNIA")
    {
        var frame = new SKBitmap(new SKImageInfo(1280, 720, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(frame);
        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 720), [new SKColor(150, 150, 155), new SKColor(90, 92, 95)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 1280, 720, background);
        }

        using var plate = Plate(text, plateWidth, state);
        canvas.Save();
        canvas.RotateDegrees(degrees, left + (plate.Width / 2f), top + (plate.Height / 2f));
        canvas.DrawBitmap(plate, left, top);
        canvas.Restore();
        return frame;
    }

    /// <summary>The plate alone, <paramref name="width"/> x width/2 pixels.</summary>
    public static SKBitmap Plate(string text, int width = 220, string state = "CALIFORNIA")
    {
        var height = width / 2;
        var plate = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(plate);
        canvas.Clear(new SKColor(245, 245, 240));
        using var border = new SKPaint { Color = new SKColor(30, 40, 90), Style = SKPaintStyle.Stroke, StrokeWidth = width / 55f, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(2, 2, width - 2, height - 2), width / 40f, width / 40f, border);

        using var typeface = SKTypeface.FromFile(FontPath) ?? throw new InvalidOperationException($"test font missing: {FontPath}");
        using var ink = new SKPaint { Color = new SKColor(20, 30, 80), IsAntialias = true };
        using var stateInk = new SKPaint { Color = new SKColor(170, 30, 40), IsAntialias = true };
        using var stateFont = new SKFont(typeface, height * 0.16f);
        canvas.DrawText(state, width / 2f, height * 0.22f, SKTextAlign.Center, stateFont, stateInk);

        using var font = new SKFont(typeface, height * 0.5f) { ScaleX = 0.72f };
        var textWidth = font.MeasureText(text);
        if (textWidth > width * 0.86f)
        {
            font.ScaleX *= width * 0.86f / textWidth;
        }

        canvas.DrawText(text, width / 2f, height * 0.75f, SKTextAlign.Center, font, ink);
        return plate;
    }
}
