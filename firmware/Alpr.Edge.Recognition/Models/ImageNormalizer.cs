using SkiaSharp;

namespace Alpr.Edge.Recognition.Models;

/// <summary>Writes 8-bit RGBA/BGRA pixels into a planar (NCHW) float tensor with a manifest's normalisation.</summary>
public sealed class ImageNormalizer
{
    private readonly float[] scale = new float[3];
    private readonly float[] offset = new float[3];
    private readonly bool bgr;

    /// <summary>Creates a normaliser for <paramref name="normalization"/>.</summary>
    public ImageNormalizer(ManifestNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        bgr = normalization.ChannelOrder == "BGR";
        for (var c = 0; c < 3; c++)
        {
            // (p * s - m) / d  ==  p * (s / d) - m / d
            scale[c] = normalization.Scale / normalization.Std[c];
            offset[c] = -normalization.Mean[c] / normalization.Std[c];
        }
    }

    /// <summary>
    /// Writes <paramref name="bitmap"/> into image <paramref name="batchIndex"/> of a tensor whose planes are
    /// <paramref name="planeWidth"/> x <paramref name="planeHeight"/>; columns right of the bitmap are left as they are (padding).
    /// </summary>
    public void Write(SKBitmap bitmap, float[] tensor, int batchIndex, int planeWidth, int planeHeight)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        ArgumentNullException.ThrowIfNull(tensor);
        if (bitmap.ColorType is not (SKColorType.Rgba8888 or SKColorType.Bgra8888))
        {
            throw new ArgumentException($"expected an RGBA or BGRA bitmap, got {bitmap.ColorType}", nameof(bitmap));
        }

        if (bitmap.Width > planeWidth || bitmap.Height > planeHeight)
        {
            throw new ArgumentException("bitmap is larger than the tensor plane", nameof(bitmap));
        }

        // Source byte offsets of R, G and B; tensor plane k takes channel order[k].
        var sourceIsBgra = bitmap.ColorType == SKColorType.Bgra8888;
        int r = sourceIsBgra ? 2 : 0, g = 1, b = sourceIsBgra ? 0 : 2;
        Span<int> order = stackalloc int[3];
        order[0] = bgr ? b : r;
        order[1] = g;
        order[2] = bgr ? r : b;

        var pixels = bitmap.GetPixelSpan();
        var rowBytes = bitmap.RowBytes;
        var plane = planeWidth * planeHeight;
        var batchOffset = batchIndex * 3 * plane;
        for (var c = 0; c < 3; c++)
        {
            var channel = order[c];
            var s = scale[c];
            var o = offset[c];
            var planeOffset = batchOffset + (c * plane);
            for (var y = 0; y < bitmap.Height; y++)
            {
                var row = pixels.Slice(y * rowBytes, bitmap.Width * 4);
                var destination = tensor.AsSpan(planeOffset + (y * planeWidth), bitmap.Width);
                for (var x = 0; x < destination.Length; x++)
                {
                    destination[x] = (row[(x * 4) + channel] * s) + o;
                }
            }
        }
    }
}
