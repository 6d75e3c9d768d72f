using Alpr.Edge.Recognition;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.Firmware.Evidence;

/// <summary>
/// Encodes a sighting's evidence images from the frame it was seen in (SkiaSharp JPEG). Called only when a
/// sighting becomes its track's best, so a pass costs a few encodes, not one per frame.
/// </summary>
public sealed class SightingImageEncoder
{
    private const int MinimumOverviewQuality = 30;
    private readonly EvidenceOptions _options;

    /// <summary>Creates the encoder.</summary>
    public SightingImageEncoder(IOptions<EvidenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>The crop and overview of <paramref name="box"/> in <paramref name="frame"/>, or null when images are not kept.</summary>
    public SightingImages? Encode(SKBitmap frame, PlateRegion box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_options.KeepImages || frame.Width == 0 || frame.Height == 0)
        {
            return null;
        }

        return new SightingImages(EncodeCrop(frame, box), EncodeOverview(frame));
    }

    /// <summary>The crop rectangle: the box grown by the margin, clamped to the frame (at least one pixel).</summary>
    public SKRectI CropRectangle(int frameWidth, int frameHeight, PlateRegion box)
    {
        var marginX = (int)Math.Round(box.Width * _options.CropMargin);
        var marginY = (int)Math.Round(box.Height * _options.CropMargin);
        var left = Math.Clamp(box.X - marginX, 0, frameWidth - 1);
        var top = Math.Clamp(box.Y - marginY, 0, frameHeight - 1);
        var right = Math.Clamp(box.X + box.Width + marginX, left + 1, frameWidth);
        var bottom = Math.Clamp(box.Y + box.Height + marginY, top + 1, frameHeight);
        return new SKRectI(left, top, right, bottom);
    }

    private byte[] EncodeCrop(SKBitmap frame, PlateRegion box)
    {
        using var crop = new SKBitmap();
        if (!frame.ExtractSubset(crop, CropRectangle(frame.Width, frame.Height, box)))
        {
            return [];
        }

        return Jpeg(crop, _options.CropQuality);
    }

    private byte[] EncodeOverview(SKBitmap frame)
    {
        var scale = Math.Min(1.0, (double)_options.OverviewMaxSide / Math.Max(frame.Width, frame.Height));
        using var scaled = scale < 1.0
            ? frame.Resize(new SKImageInfo(Math.Max(1, (int)(frame.Width * scale)), Math.Max(1, (int)(frame.Height * scale))), new SKSamplingOptions(SKFilterMode.Linear))
            : null;
        var source = scaled ?? frame;
        var quality = _options.OverviewQuality;
        var jpeg = Jpeg(source, quality);
        while (jpeg.Length > _options.OverviewMaxBytes && quality > MinimumOverviewQuality)
        {
            quality = Math.Max(MinimumOverviewQuality, quality - 15);
            jpeg = Jpeg(source, quality);
        }

        return jpeg;
    }

    private static byte[] Jpeg(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data?.ToArray() ?? [];
    }
}
