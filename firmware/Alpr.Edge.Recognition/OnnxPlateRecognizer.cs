using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.Recognition;

/// <summary>Plate recogniser running ONNX models described by the model manifest. (Being written.)</summary>
public sealed class OnnxPlateRecognizer : IPlateRecognizer
{
    /// <summary>Loads the models named by the manifest in <see cref="RecognitionOptions.ModelDirectory"/>.</summary>
    public OnnxPlateRecognizer(IOptions<RecognitionOptions> options, ILogger<OnnxPlateRecognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
    }

    /// <inheritdoc />
    public FrameRecognition Recognize(SKBitmap image, CancellationToken cancellationToken) => throw new NotSupportedException("recogniser not wired yet");

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
