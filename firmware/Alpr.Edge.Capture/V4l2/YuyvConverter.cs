using SkiaSharp;

namespace Alpr.Edge.Capture.V4l2;

/// <summary>YUYV 4:2:2 (BT.601, limited range, as UVC cameras send it) to and from RGBA 8888.</summary>
public static class YuyvConverter
{
    /// <summary>Bytes of a YUYV frame of the given size.</summary>
    public static int FrameBytes(int width, int height) => width * height * 2;

    /// <summary>Converts a YUYV buffer to a new RGBA bitmap; throws <see cref="ArgumentException"/> when the buffer is too short or the width odd.</summary>
    public static SKBitmap ToBitmap(ReadOnlySpan<byte> yuyv, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (width % 2 != 0)
        {
            throw new ArgumentException($"YUYV needs an even width, was {width}.", nameof(width));
        }

        if (yuyv.Length < FrameBytes(width, height))
        {
            throw new ArgumentException($"a {width}x{height} YUYV frame needs {FrameBytes(width, height)} bytes, the buffer has {yuyv.Length}.", nameof(yuyv));
        }

        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var pixels = bitmap.GetPixelSpan();
        var pairs = width * height / 2;
        for (var i = 0; i < pairs; i++)
        {
            var source = yuyv.Slice(i * 4, 4);
            var target = pixels.Slice(i * 8, 8);
            int u = source[1] - 128;
            int v = source[3] - 128;
            Write(target, source[0], u, v);
            Write(target[4..], source[2], u, v);
        }

        return bitmap;
    }

    /// <summary>Encodes an RGBA or BGRA bitmap as YUYV (what a simulated camera sends).</summary>
    public static byte[] FromBitmap(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var rgba = bitmap.ColorType == SKColorType.Rgba8888 ? null : bitmap.Copy(SKColorType.Rgba8888);
        var source = (rgba ?? bitmap).GetPixelSpan();
        var width = bitmap.Width - (bitmap.Width % 2);
        var output = new byte[FrameBytes(width, bitmap.Height)];
        var rowBytes = (rgba ?? bitmap).RowBytes;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < width; x += 2)
            {
                var a = source.Slice((y * rowBytes) + (x * 4), 8);
                var (y0, u0, v0) = ToYuv(a[0], a[1], a[2]);
                var (y1, u1, v1) = ToYuv(a[4], a[5], a[6]);
                var o = ((y * width) + x) * 2;
                output[o] = y0;
                output[o + 1] = (byte)((u0 + u1 + 1) / 2);
                output[o + 2] = y1;
                output[o + 3] = (byte)((v0 + v1 + 1) / 2);
            }
        }

        return output;
    }

    private static void Write(Span<byte> rgba, byte luma, int u, int v)
    {
        var c = 298 * (luma - 16);
        rgba[0] = Clamp((c + (409 * v) + 128) >> 8);
        rgba[1] = Clamp((c - (100 * u) - (208 * v) + 128) >> 8);
        rgba[2] = Clamp((c + (516 * u) + 128) >> 8);
        rgba[3] = 255;
    }

    private static (byte Y, int U, int V) ToYuv(int r, int g, int b) => (
        Clamp((((66 * r) + (129 * g) + (25 * b) + 128) >> 8) + 16),
        Math.Clamp((((-38 * r) - (74 * g) + (112 * b) + 128) >> 8) + 128, 0, 255),
        Math.Clamp((((112 * r) - (94 * g) - (18 * b) + 128) >> 8) + 128, 0, 255));

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
