using Alpr.Edge.Capture.Simulation;
using SkiaSharp;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>Frames of the simulated street, rendered once per test class and encoded as JPEG for servers and video files.</summary>
public static class RenderedFrames
{
    public const int Width = 320;
    public const int Height = 240;

    public static IReadOnlyList<byte[]> Jpegs(int count, int seed = 4)
    {
        using var renderer = new StreetSceneRenderer(new SimulatedCameraOptions { Seed = seed, Width = Width, Height = Height, FramesPerSecond = 0 });
        var jpegs = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var rendered = renderer.Render(i);
            using var image = rendered.Image;
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
            jpegs.Add(data.ToArray());
        }

        return jpegs;
    }

    /// <summary>Mean absolute difference per channel (0–255) between two same-sized pictures.</summary>
    public static double MeanDifference(SKBitmap a, SKBitmap b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        double sum = 0;
        var samples = 0;
        for (var y = 0; y < a.Height; y += 4)
        {
            for (var x = 0; x < a.Width; x += 4)
            {
                var p = a.GetPixel(x, y);
                var q = b.GetPixel(x, y);
                sum += Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue);
                samples += 3;
            }
        }

        return sum / samples;
    }
}
