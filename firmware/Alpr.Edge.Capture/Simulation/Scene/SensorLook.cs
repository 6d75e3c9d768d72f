namespace Alpr.Edge.Capture.Simulation.Scene;

/// <summary>How the camera sensor treats one frame: exposure, blur and noise.</summary>
/// <param name="Gain">Brightness multiplier (auto-exposure wander).</param>
/// <param name="BlurSigma">Gaussian blur, in pixels (focus and motion).</param>
/// <param name="NoiseSigma">Gaussian sensor noise, in 8-bit levels.</param>
/// <param name="Grey">Whether noise is the same on all channels (night, infrared).</param>
public sealed record SensorLook(float Gain, float BlurSigma, float NoiseSigma, bool Grey)
{
    /// <summary>Draws the look of frame <paramref name="frame"/> from the frame's own <paramref name="random"/>.</summary>
    public static SensorLook For(long frame, Random random, bool night)
    {
        ArgumentNullException.ThrowIfNull(random);
        var wander = 0.07f * MathF.Sin(frame * 2 * MathF.PI / 97f);
        var gain = 1f + wander + 0.05f * ((float)random.NextDouble() - 0.5f);
        var blur = 0.55f + 0.45f * (float)random.NextDouble();
        var noise = (night ? 5.5f : 3f) + 2f * (float)random.NextDouble();
        return new SensorLook(gain, blur, noise, night);
    }
}
