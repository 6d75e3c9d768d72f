using System.Diagnostics.CodeAnalysis;
using SkiaSharp;

namespace Alpr.Edge.Capture.Folders;

/// <summary>Decodes an image file to an RGBA 8888 bitmap, or says why it cannot.</summary>
public static class ImageFileDecoder
{
    /// <summary>The extensions a folder source reads, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png"];

    /// <summary>Whether <paramref name="path"/> has one of <see cref="Extensions"/> (any case).</summary>
    public static bool IsImageFile(string path) =>
        Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Decodes <paramref name="bytes"/>; false with a one-line <paramref name="reason"/> when they are not a whole image.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out SKBitmap? bitmap, out string reason)
    {
        bitmap = null;
        if (bytes.IsEmpty)
        {
            reason = "the file is empty";
            return false;
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            reason = "not a JPEG or PNG image (unrecognised or corrupt header)";
            return false;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            decoded.Dispose();
            reason = result == SKCodecResult.IncompleteInput
                ? "the image data is truncated"
                : $"the decoder failed ({result})";
            return false;
        }

        bitmap = decoded;
        reason = string.Empty;
        return true;
    }
}
