using SkiaSharp;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>One rendered test plate: its text, whether it has the infrared night look, the tight crop, and the crop in a small frame.</summary>
internal sealed record AgreementPlate(string Text, bool Night, SKBitmap Crop, SKBitmap Frame) : IDisposable
{
    public void Dispose()
    {
        Crop.Dispose();
        Frame.Dispose();
    }
}
