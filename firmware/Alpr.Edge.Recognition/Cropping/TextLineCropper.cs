using Alpr.Edge.Recognition.Detection;
using SkiaSharp;

namespace Alpr.Edge.Recognition.Cropping;

/// <summary>
/// Cuts a (possibly rotated) text line out of a frame, upright, at the reader's input height, stretched horizontally.
/// One affine warp does crop, rotation, stretch and resize; pixels outside the frame repeat the nearest edge.
/// </summary>
public static class TextLineCropper
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Width the crop will have for a line of <paramref name="quad"/>'s proportions.</summary>
    public static int TargetWidth(Quad quad, int height, float stretch, int maxWidth)
    {
        var ratio = quad.Width / Math.Max(quad.Height, 1f);
        return Math.Clamp((int)MathF.Ceiling(height * ratio * stretch), 1, maxWidth);
    }

    /// <summary>
    /// Returns an RGBA bitmap of <paramref name="height"/> rows and <see cref="TargetWidth"/> columns showing the inside of
    /// <paramref name="quad"/>; the caller disposes it.
    /// </summary>
    public static SKBitmap Crop(SKImage frame, Quad quad, int height, float stretch, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var width = TargetWidth(quad, height, stretch, maxWidth);
        var crop = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var u = quad.TopRight - quad.TopLeft;
        var v = quad.BottomLeft - quad.TopLeft;

        // Maps crop pixels to frame pixels; the canvas needs the inverse.
        var cropToFrame = new SKMatrix(
            u.X / width, v.X / height, quad.TopLeft.X,
            u.Y / width, v.Y / height, quad.TopLeft.Y,
            0, 0, 1);
        if (!cropToFrame.TryInvert(out var frameToCrop))
        {
            return Fill(crop, SKColors.Gray);
        }

        using var canvas = new SKCanvas(crop);
        using var shader = frame.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, Sampling);
        using var paint = new SKPaint { Shader = shader };
        canvas.SetMatrix(frameToCrop);
        canvas.DrawPaint(paint);
        return crop;
    }

    private static SKBitmap Fill(SKBitmap bitmap, SKColor color)
    {
        bitmap.Erase(color);
        return bitmap;
    }
}
