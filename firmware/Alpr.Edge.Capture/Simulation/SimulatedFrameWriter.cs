using Alpr.Edge.Capture.GroundTruth;
using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation;

/// <summary>Writes a rendered frame as <c>NAME.jpg</c> with its ground truth beside it as <c>NAME.json</c>.</summary>
public static class SimulatedFrameWriter
{
    /// <summary>JPEG quality of written frames.</summary>
    public const int JpegQuality = 92;

    /// <summary>The file name (without extension) of frame <paramref name="sequence"/>: <c>frame-000042</c>.</summary>
    public static string NameOf(long sequence) => $"frame-{sequence:D6}";

    /// <summary>Writes <c>NAME.jpg</c> and <c>NAME.json</c> into <paramref name="folder"/> and returns the image path.</summary>
    public static async Task<string> WriteAsync(RenderedFrame frame, string folder, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var imagePath = Path.Combine(folder, name + ".jpg");
        byte[] jpeg;
        using (var data = frame.Image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {name}.jpg"))
        {
            jpeg = data.ToArray();
        }

        await File.WriteAllBytesAsync(imagePath, jpeg, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), GroundTruthJson.Serialize(frame.GroundTruth), cancellationToken);
        return imagePath;
    }
}
