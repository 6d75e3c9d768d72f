using SkiaSharp;

namespace Alpr.Edge.Recognition;

/// <summary>Finds and reads plates in one image. Implementations are thread-safe for one caller at a time.</summary>
public interface IPlateRecognizer : IDisposable
{
    /// <summary>Finds and reads every plate in <paramref name="image"/>.</summary>
    FrameRecognition Recognize(SKBitmap image, CancellationToken cancellationToken);
}
