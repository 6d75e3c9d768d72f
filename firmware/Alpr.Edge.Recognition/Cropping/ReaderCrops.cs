using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.Reading;
using SkiaSharp;

namespace Alpr.Edge.Recognition.Cropping;

/// <summary>
/// The crops a <see cref="CtcTextReader"/> reads, cut from one frame at full resolution: one upright
/// <see cref="TextLineCropper"/> warp per region, at the reader's input height, stretched by its horizontal stretch, no wider
/// than its maximum width. Disposing disposes every crop.
/// </summary>
public sealed class ReaderCrops : IDisposable
{
    private readonly List<SKBitmap> crops;

    private ReaderCrops(List<SKBitmap> crops) => this.crops = crops;

    /// <summary>The crops, one per region, in the regions' order.</summary>
    public IReadOnlyList<SKBitmap> Bitmaps => crops;

    /// <summary>
    /// Cuts each of <paramref name="regions"/> (frame pixels) out of <paramref name="frame"/>, an 8-bit RGBA or BGRA bitmap,
    /// as <paramref name="reader"/> expects its input.
    /// </summary>
    public static ReaderCrops Cut(SKBitmap frame, IEnumerable<Quad> regions, CtcTextReader reader)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(reader);
        var crops = new List<SKBitmap>();
        try
        {
            using var pixmap = frame.PeekPixels();
            using var image = SKImage.FromPixels(pixmap);
            foreach (var region in regions)
            {
                crops.Add(TextLineCropper.Crop(image, region, reader.InputHeight, reader.HorizontalStretch, reader.MaxWidth));
            }

            return new ReaderCrops(crops);
        }
        catch
        {
            crops.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => crops.ForEach(c => c.Dispose());
}
