using SkiaSharp;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>Grey copies of colour images (BT.601 luma in all three channels), to measure recognition on the look of an IR camera.</summary>
internal static class GrayImage
{
    /// <summary>A new RGBA bitmap holding the luma of <paramref name="source"/>.</summary>
    public static SKBitmap From(SKBitmap source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var gray = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(gray);
        using var paint = new SKPaint();
        paint.ColorFilter = SKColorFilter.CreateColorMatrix(
        [
            0.299f, 0.587f, 0.114f, 0, 0,
            0.299f, 0.587f, 0.114f, 0, 0,
            0.299f, 0.587f, 0.114f, 0, 0,
            0, 0, 0, 1, 0,
        ]);
        canvas.DrawBitmap(source, 0, 0, paint);
        return gray;
    }
}
