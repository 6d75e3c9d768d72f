using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Capture.Simulation.Plates;
using Alpr.Edge.Capture.Simulation.Scene;
using SkiaSharp;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// Renders tight plate crops for <c>alpr-edge fusion-bench</c> with the simulated camera's own plate painter and sensor
/// effects (<see cref="PlatePainter"/>, <see cref="NightLook"/>, <see cref="SensorEffects"/>), then makes every frame bad in
/// its own way, scaled by a noise level: few pixels, a loose and skewed crop, blur, sensor noise, wrong exposure, dirt or
/// glare over part of the characters, and JPEG compression.
/// </summary>
internal sealed class NoisyPlateRenderer : IDisposable
{
    private readonly PlateTypeface _typeface;
    private readonly PlatePainter _painter;
    private readonly SKColorFilter _nightFilter;

    /// <summary>Loads the plate typeface; throws <see cref="FileNotFoundException"/> without it.</summary>
    public NoisyPlateRenderer(string fontPath = SimulatedCameraOptions.DefaultFontPath)
    {
        _typeface = PlateTypeface.Load(fontPath);
        _painter = new PlatePainter(_typeface);
        _nightFilter = NightLook.CreatePlateFilter();
    }

    /// <summary>
    /// One frame's crop of <paramref name="design"/> (the caller disposes it). At <paramref name="noise"/> 1 the plate is
    /// 68-105 px wide, blurred by 0.85-2.05 px, with sensor noise of 9-23 levels (night 11.5-25.5), exposure off by up to
    /// 35 %, dirt or glare over part of it in half the frames, JPEG quality 25-45, turned by up to 3 degrees; 0 is the
    /// simulator's own look on a 150-230 px plate.
    /// </summary>
    public SKBitmap Render(PlateDesign design, bool night, double noise, Random random)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(random);
        var plateWidth = Between(random, 150, 230) / (1 + (1.2 * noise));
        var (left, right) = (Between(random, 0.02, 0.04 + (0.06 * noise)), Between(random, 0.02, 0.04 + (0.06 * noise)));
        var (top, bottom) = (Between(random, 0.03, 0.05 + (0.10 * noise)), Between(random, 0.03, 0.05 + (0.10 * noise)));
        var width = Math.Max(16, (int)Math.Round(plateWidth * (1 + left + right)));
        var height = Math.Max(8, (int)Math.Round(plateWidth / 2 * (1 + top + bottom)));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(night ? new SKColor(0x30, 0x30, 0x30) : new SKColor(0x5A, 0x5E, 0x66));
        var scale = (float)(plateWidth / PlatePainter.PlateWidth);
        canvas.Translate((float)(plateWidth * (0.5 + left)), (float)(plateWidth / 2 * (0.5 + top)));
        canvas.RotateDegrees((float)Between(random, -3 * noise, 3 * noise));
        canvas.Scale(scale, scale);
        _painter.Draw(canvas, design, night ? _nightFilter : null);
        if (random.NextDouble() < Math.Min(0.9, 0.5 * noise))
        {
            Occlude(canvas, random);
        }

        using var scene = surface.Snapshot();
        var look = new SensorLook(
            Gain: (float)(1 + (noise * Between(random, -0.35, 0.25))),
            BlurSigma: (float)(0.55 + (noise * Between(random, 0.3, 1.5))),
            NoiseSigma: (float)((night ? 5.5 : 3) + (noise * Between(random, 6, 20))),
            Grey: night);
        using var sensed = new SKBitmap(info);
        SensorEffects.Apply(scene, sensed, look, random);
        var quality = (int)Math.Clamp(Math.Round(90 - (55 * noise) + Between(random, -10, 10)), 10, 95);
        using var jpeg = sensed.Encode(SKEncodedImageFormat.Jpeg, quality);
        return SKBitmap.Decode(jpeg) ?? throw new InvalidOperationException("a JPEG just encoded could not be decoded");
    }

    public void Dispose()
    {
        _nightFilter.Dispose();
        _typeface.Dispose();
    }

    /// <summary>Dirt or glare over about one character: a bar across part of the character row, in plate units.</summary>
    private static void Occlude(SKCanvas canvas, Random random)
    {
        var characterHeight = PlatePainter.PlateHeight * PlatePainter.CharacterHeightFraction;
        var barWidth = (float)(PlatePainter.PlateWidth * Between(random, 0.05, 0.12));
        var barHeight = (float)(characterHeight * Between(random, 0.4, 1.1));
        var x = (float)(PlatePainter.PlateWidth * Between(random, -0.4, 0.4));
        var y = (float)((PlatePainter.PlateHeight * 0.06) + (characterHeight * Between(random, -0.35, 0.35)));
        var glare = random.NextDouble() < 0.4;
        var alpha = (byte)(255 * Between(random, 0.55, 0.95));
        using var paint = new SKPaint
        {
            Color = glare ? new SKColor(0xFF, 0xFF, 0xF8, alpha) : new SKColor(0x4A, 0x40, 0x36, alpha),
            IsAntialias = true,
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, glare ? 4 : 1.5f),
        };
        canvas.DrawRoundRect(SKRect.Create(x - (barWidth / 2), y - (barHeight / 2), barWidth, barHeight), 3, 3, paint);
    }

    private static double Between(Random random, double low, double high) => low + (random.NextDouble() * (high - low));
}
