using SkiaSharp;

namespace Alpr.Edge.Capture.Simulation.Scene;

/// <summary>Colour filters of the infrared night look: a dim grey scene in which retro-reflective plates glare.</summary>
public static class NightLook
{
    /// <summary>Grey and dark, for the road and vehicle bodies.</summary>
    public static SKColorFilter CreateSceneFilter() => Grey(0.5f, -0.02f);

    /// <summary>Grey and bright with strong contrast, for plates.</summary>
    public static SKColorFilter CreatePlateFilter() => Grey(1.35f, -0.12f);

    private static SKColorFilter Grey(float gain, float offset)
    {
        float r = 0.30f * gain, g = 0.59f * gain, b = 0.11f * gain;
        return SKColorFilter.CreateColorMatrix(
        [
            r, g, b, 0, offset,
            r, g, b, 0, offset,
            r, g, b, 0, offset,
            0, 0, 0, 1, 0,
        ]);
    }
}
