using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Scene;

/// <summary>Applies a <see cref="SensorLook"/>: blur through Skia, then gain and Gaussian noise pixel by pixel.</summary>
public static class SensorEffects
{
    private const int NoiseTableSize = 1 << 13;

    /// <summary>Draws <paramref name="scene"/> blurred into <paramref name="target"/>, then adds gain and noise from <paramref name="random"/>.</summary>
    public static void Apply(SKImage scene, SKBitmap target, SensorLook look, Random random)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(random);
        if (target.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("the target must be RGBA 8888", nameof(target));
        }

        using (var canvas = new SKCanvas(target))
        using (var blur = SKImageFilter.CreateBlur(look.BlurSigma, look.BlurSigma, SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { ImageFilter = blur })
        {
            canvas.DrawImage(scene, 0, 0, paint);
        }

        AddGainAndNoise(target.GetPixelSpan(), look, random);
    }

    private static void AddGainAndNoise(Span<byte> pixels, SensorLook look, Random random)
    {
        // A table of Gaussian samples indexed by a cheap generator: per-pixel Box-Muller is too slow for 30 fps.
        var table = new float[NoiseTableSize];
        for (var i = 0; i < table.Length; i += 2)
        {
            var radius = MathF.Sqrt(-2f * MathF.Log(1f - (float)random.NextDouble()));
            var angle = 2f * MathF.PI * (float)random.NextDouble();
            table[i] = look.NoiseSigma * radius * MathF.Cos(angle);
            table[i + 1] = look.NoiseSigma * radius * MathF.Sin(angle);
        }

        var state = (uint)random.Next(1, int.MaxValue);
        var gain = look.Gain;
        for (var i = 0; i + 3 < pixels.Length; i += 4)
        {
            state = XorShift(state);
            var noise = table[state & (NoiseTableSize - 1)];
            pixels[i] = Level(pixels[i] * gain + noise);
            if (!look.Grey)
            {
                noise = table[(state >> 13) & (NoiseTableSize - 1)];
            }

            pixels[i + 1] = Level(pixels[i + 1] * gain + noise);
            if (!look.Grey)
            {
                noise = table[(state >> 19) & (NoiseTableSize - 1)];
            }

            pixels[i + 2] = Level(pixels[i + 2] * gain + noise);
        }
    }

    private static uint XorShift(uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }

    private static byte Level(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
}
