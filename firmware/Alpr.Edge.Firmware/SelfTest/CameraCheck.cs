using System.Diagnostics;
using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Hardware.SelfTest;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>
/// Opens the frame source, waits for the first frame, then counts frames for a short window and compares the rate with
/// the one the source promises (a <c>sim://</c> source's <c>fps</c>); a source without a promised rate must deliver frames.
/// </summary>
internal static class CameraCheck
{
    private const string Name = "camera";

    /// <summary>The rate may fall this far below the expected one before the check fails.</summary>
    private const double MinimumRateFraction = 0.5;

    public static async Task<SelfTestCheck> RunAsync(string source, bool simulate, SelftestSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var isSimulator = SimulatedSourceUri.Matches(source);
        if (isSimulator && !simulate)
        {
            return SelfTestCheck.Fail(Name, $"Capture:Source is the simulator '{source}'", "set Capture:Source (or --source) to the pole's camera, or add --simulate");
        }

        IFrameSource frames;
        double expectedFps;
        try
        {
            expectedFps = isSimulator ? SimulatedSourceUri.Parse(source).FramesPerSecond : 0;
            frames = FrameSources.Create(source, "selftest", TimeProvider.System, loggerFactory);
        }
        catch (ArgumentException ex)
        {
            return SelfTestCheck.Fail(Name, ex.Message, $"set Capture:Source (or --source) to {FrameSources.AcceptedForms}");
        }

        await using (frames)
        {
            var (count, measured) = await CountFramesAsync(frames, settings, cancellationToken);
            if (count == 0)
            {
                return SelfTestCheck.Fail(Name, $"{source}: no frame within {settings.FirstFrameTimeout.TotalSeconds:F0} s",
                    "check the camera's cable and power, and that nothing else holds the device (or that the image folder is not empty)");
            }

            var fps = measured > TimeSpan.Zero && count > 1 ? (count - 1) / measured.TotalSeconds : 0;
            if (expectedFps > 0 && fps < expectedFps * MinimumRateFraction)
            {
                return SelfTestCheck.Fail(Name, $"{source}: {fps:F1} fps over {measured.TotalSeconds:F1} s, expected {expectedFps:F1} fps",
                    "the camera delivers too few frames: check its exposure (night mode lengthens it), the USB/CSI link, and the CPU load");
            }

            var expected = expectedFps > 0 ? $", expected {expectedFps:F1} fps" : string.Empty;
            return SelfTestCheck.Pass(Name, $"{source}: {count} frames, {fps:F1} fps over {measured.TotalSeconds:F1} s{expected}");
        }
    }

    /// <summary>Frames received, and the time from the first frame to the end of the window (or of the source).</summary>
    private static async Task<(int Count, TimeSpan Measured)> CountFramesAsync(IFrameSource frames, SelftestSettings settings, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(settings.FirstFrameTimeout);
        var count = 0;
        long firstAt = 0;
        try
        {
            await foreach (var frame in frames.ReadFramesAsync(window.Token))
            {
                frame.Dispose();
                if (count++ == 0)
                {
                    firstAt = Stopwatch.GetTimestamp();
                    window.CancelAfter(settings.CameraWindow);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The window (or the first-frame timeout) ended.
        }

        return (count, count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(firstAt));
    }
}
