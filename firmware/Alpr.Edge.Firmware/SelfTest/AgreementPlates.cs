using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Capture.Simulation.Plates;
using Alpr.Edge.Capture.Simulation.Scene;
using SkiaSharp;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>
/// The plates <see cref="Int8AgreementCheck"/> reads twice: issued, painted and given a sensor look by the simulated camera's own
/// code (<see cref="PlateIssuer"/>, <see cref="PlatePainter"/>, <see cref="NightLook"/>, <see cref="SensorEffects"/>) from a fixed
/// seed, so every run and every device reads the same pixels. The last quarter have the grey infrared night look.
/// </summary>
internal static class AgreementPlates
{
    public const int Seed = 16;
    public const int FrameWidth = 384;
    public const int FrameHeight = 216;
    private const int MinWidth = 150;
    private const int MaxWidth = 230;

    /// <summary>Renders <paramref name="count"/> plates (the caller disposes them); throws <see cref="FileNotFoundException"/> without the plate font.</summary>
    public static IReadOnlyList<AgreementPlate> Render(int count, string fontPath = SimulatedCameraOptions.DefaultFontPath)
    {
        var random = new Random(Seed);
        var issuer = new PlateIssuer(new Random(Seed), texts: null);
        using var typeface = PlateTypeface.Load(fontPath);
        var painter = new PlatePainter(typeface);
        using var nightFilter = NightLook.CreatePlateFilter();
        var plates = new List<AgreementPlate>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var night = i >= count - (count / 4);
                var design = issuer.Next();
                var width = random.Next(MinWidth, MaxWidth + 1);
                var look = SensorLook.For(i, random, night);
                var crop = Paint(painter, design, width, night ? nightFilter : null, look, random);
                plates.Add(new AgreementPlate(design.Text, night, crop, InFrame(crop, night)));
            }

            return plates;
        }
        catch
        {
            plates.ForEach(p => p.Dispose());
            throw;
        }
    }

    private static SKBitmap Paint(PlatePainter painter, PlateDesign design, int width, SKColorFilter? filter, SensorLook look, Random random)
    {
        var height = width / 2;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(filter is null ? new SKColor(0x5A, 0x5E, 0x66) : new SKColor(0x30, 0x30, 0x30));
        canvas.Translate(width / 2f, height / 2f);
        canvas.Scale(width / PlatePainter.PlateWidth, height / PlatePainter.PlateHeight);
        painter.Draw(canvas, design, filter);
        using var scene = surface.Snapshot();
        var crop = new SKBitmap(info);
        SensorEffects.Apply(scene, crop, look, random);
        return crop;
    }

    /// <summary>The crop in the middle of a plain frame, for reading end to end (detector, then reader).</summary>
    private static SKBitmap InFrame(SKBitmap crop, bool night)
    {
        var frame = new SKBitmap(new SKImageInfo(FrameWidth, FrameHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(frame);
        canvas.Clear(night ? new SKColor(0x28, 0x28, 0x28) : new SKColor(0x6E, 0x72, 0x78));
        canvas.DrawBitmap(crop, (FrameWidth - crop.Width) / 2f, (FrameHeight - crop.Height) / 2f);
        return frame;
    }
}
