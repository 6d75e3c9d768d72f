using Alpr.Edge.Recognition;
using SkiaSharp;

namespace Alpr.Edge.TestSupport;

/// <summary>Test double for the recogniser: the plate text (if any) for frame i comes from a script.</summary>
public sealed class ScriptedRecognizer(Func<int, string?> plateAt) : IPlateRecognizer
{
    public FrameRecognition Recognize(SKBitmap image, CancellationToken cancellationToken)
    {
        var frame = image.Width - 1;
        var text = plateAt(frame);
        return new FrameRecognition
        {
            Plates = text is null
                ? []
                : [new PlateReading { Text = text, Confidence = 0.9, Box = new PlateRegion(100 + (frame * 10), 400, 200, 100) }],
        };
    }

    public void Dispose()
    {
    }
}
