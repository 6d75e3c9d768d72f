using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.Models;
using Alpr.Edge.Recognition.PostProcessing;
using SkiaSharp;

namespace Alpr.Edge.Recognition.PlateRegions;

/// <summary>
/// Which boxes of a plates-mode detector are worth reading, and the region each is read from: boxes of a plausible plate
/// shape, strongest first, padded by the manifest's <see cref="ManifestDecoder.PlatePadX"/> and
/// <see cref="ManifestDecoder.PlatePadY"/> along the box's own axes and clamped to the frame.
/// </summary>
public static class PlateBoxes
{
    /// <summary>Fewest frame pixels a plate box is tall (across the box): fewer cannot hold legible characters.</summary>
    public const float MinPlatePixels = 8;

    /// <summary>Least width / height of a plate box (a square plate, such as a motorcycle's, grown by the detector).</summary>
    public const float MinPlateAspect = 1f;

    /// <summary>Most width / height of a plate box (a 12 x 6 in plate is 2; a narrow European-style one about 4.7).</summary>
    public const float MaxPlateAspect = 6f;

    /// <summary>
    /// The boxes of <paramref name="detected"/> (frame pixels) that look like plates, at most <paramref name="maxBoxes"/> by
    /// detector score, best first, each padded per <paramref name="decoder"/> and clamped to the frame.
    /// </summary>
    public static IReadOnlyList<PlateBox> Select(IEnumerable<TextBox> detected, ManifestDecoder decoder, int frameWidth, int frameHeight, int maxBoxes)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(decoder);
        return detected
            .Where(b => b.Corners.Height >= MinPlatePixels && b.Corners.Width / b.Corners.Height is >= MinPlateAspect and <= MaxPlateAspect)
            .OrderByDescending(b => b.Score)
            .Take(maxBoxes)
            .Select(b =>
            {
                var padded = ClampTo(Pad(b.Corners, decoder.PlatePadX, decoder.PlatePadY), frameWidth, frameHeight);
                return new PlateBox(b, padded, PlateExtent.Clip(padded.Bounds, frameWidth, frameHeight));
            })
            .ToList();
    }

    /// <summary>
    /// <paramref name="box"/> grown by <paramref name="padX"/> of its width on the left and on the right (along its top edge) and
    /// <paramref name="padY"/> of its height above and below (along its left edge).
    /// </summary>
    public static Quad Pad(Quad box, float padX, float padY)
    {
        var along = Scale(box.TopRight - box.TopLeft, padX);
        var across = Scale(box.BottomLeft - box.TopLeft, padY);
        return new Quad(
            box.TopLeft - along - across,
            box.TopRight + along - across,
            box.BottomRight + along + across,
            box.BottomLeft - along + across);
    }

    /// <summary><paramref name="quad"/> with every corner moved inside the frame (0..width, 0..height); an upright box is cut to the frame exactly.</summary>
    public static Quad ClampTo(Quad quad, int frameWidth, int frameHeight)
    {
        SKPoint Inside(SKPoint p) => new(Math.Clamp(p.X, 0, frameWidth), Math.Clamp(p.Y, 0, frameHeight));
        return new Quad(Inside(quad.TopLeft), Inside(quad.TopRight), Inside(quad.BottomRight), Inside(quad.BottomLeft));
    }

    private static SKPoint Scale(SKPoint vector, float factor) => new(vector.X * factor, vector.Y * factor);
}
