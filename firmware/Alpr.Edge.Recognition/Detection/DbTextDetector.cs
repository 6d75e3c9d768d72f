using Alpr.Edge.Recognition.Models;
using SkiaSharp;

namespace Alpr.Edge.Recognition.Detection;

/// <summary>Finds text lines in an image with a DB text-detection model.</summary>
public sealed class DbTextDetector : IDisposable
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.None);
    private readonly OnnxModel model;
    private readonly ImageNormalizer normalizer;
    private readonly ManifestDecoder settings;

    /// <summary>
    /// Opens the detector of <paramref name="models"/>; <paramref name="maxSide"/> overrides the manifest's input size limit
    /// (0 keeps it). A <paramref name="maxSide"/> above the manifest's <c>decoder.largestInput</c> is refused.
    /// </summary>
    /// <exception cref="ModelManifestException">The model does not work at <paramref name="maxSide"/>.</exception>
    public DbTextDetector(ModelSet models, OnnxSessionSettings session, int maxSide = 0)
    {
        ArgumentNullException.ThrowIfNull(models);
        var largest = models.Detector.Decoder.LargestInput;
        if (maxSide > 0 && largest > 0 && maxSide > largest)
        {
            throw new ModelManifestException(
                $"Recognition:DetectorMaxSide {maxSide} is above what detector '{models.Detector.Name}' works at ({largest} px, "
                + $"decoder.largestInput in its manifest in {models.Directory}); use {largest} or less, or 0 for the manifest's {models.Detector.Decoder.MaxSide}");
        }

        model = OnnxModel.Open(models, models.Detector, session);
        normalizer = new ImageNormalizer(models.Detector.Normalization);
        settings = maxSide > 0 ? models.Detector.Decoder with { MaxSide = maxSide } : models.Detector.Decoder;
    }

    /// <summary>Text boxes in <paramref name="image"/> pixels.</summary>
    public IReadOnlyList<TextBox> Detect(SKBitmap image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height) = InputSize(image.Width, image.Height);
        using var resized = image.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), Sampling)
            ?? throw new InvalidOperationException("image could not be resized for detection");
        var input = new float[3 * width * height];
        normalizer.Write(resized, input, 0, width, height);
        cancellationToken.ThrowIfCancellationRequested();
        var map = model.Run(input, [1, 3, height, width], out var shape);
        if (shape.Length != 4 || shape[2] != height || shape[3] != width)
        {
            throw new InvalidOperationException($"detector {model.FilePath} returned shape [{string.Join(", ", shape)}], expected [1, 1, {height}, {width}]");
        }

        var sx = (float)image.Width / width;
        var sy = (float)image.Height / height;
        return DbPostProcessor.Extract(map, width, height, settings)
            .Select(b => b with { Corners = b.Corners.Scale(sx, sy) })
            .ToList();
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();

    private (int Width, int Height) InputSize(int width, int height)
    {
        var ratio = Math.Min(1.0, (double)settings.MaxSide / Math.Max(width, height));
        var multiple = settings.SizeMultiple;
        int Round(double side) => Math.Max(multiple, (int)Math.Round(side / multiple) * multiple);
        return (Round(width * ratio), Round(height * ratio));
    }
}
