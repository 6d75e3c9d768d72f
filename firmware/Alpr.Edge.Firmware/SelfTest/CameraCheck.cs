using System.Diagnostics;
using Alpr.Edge.Capture;
using Alpr.Edge.Capture.Ffmpeg;
using Alpr.Edge.Capture.Health;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Capture.V4l2;
using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Hardware.SelfTest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>
/// Opens each configured camera (the device's <c>Capture:Source</c> as check <c>camera</c>, each of <c>Capture:Cameras</c> as
/// <c>camera NAME</c>), waits for the first frame, then counts frames for a short window and compares the rate with the one the
/// source promises (<c>fps</c> of a sim, V4L2, network or file source; folders promise theirs too). A failure carries the camera's
/// or ffmpeg's own message and a fix for that kind of source.
/// </summary>
internal static class CameraCheck
{
    private const string Name = "camera";

    /// <summary>The rate may fall this far below the expected one before the check fails.</summary>
    private const double MinimumRateFraction = 0.5;

    /// <summary>The device's camera, then those of <c>Capture:Cameras</c> in <paramref name="configuration"/>.</summary>
    public static async Task<IReadOnlyList<SelfTestCheck>> RunAllAsync(
        string source, IConfiguration configuration, bool simulate, SelftestSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var capture = new CaptureOptions();
        configuration.GetSection(CaptureOptions.SectionName).Bind(capture);
        var checks = new List<SelfTestCheck> { await RunAsync(Name, source, capture.FfmpegPath, simulate, settings, loggerFactory, cancellationToken) };
        foreach (var camera in capture.Cameras)
        {
            checks.Add(await RunAsync($"{Name} {camera.Name}", camera.Source, capture.FfmpegPath, simulate, settings, loggerFactory, cancellationToken));
        }

        return checks;
    }

    public static Task<SelfTestCheck> RunAsync(string source, bool simulate, SelftestSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        RunAsync(Name, source, FfmpegSourceOptions.DefaultProgram, simulate, settings, loggerFactory, cancellationToken);

    private static async Task<SelfTestCheck> RunAsync(
        string name, string source, string ffmpeg, bool simulate, SelftestSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var shown = FfmpegSourceUri.Redact(source);
        var isSimulator = SimulatedSourceUri.Matches(source);
        if (isSimulator && !simulate)
        {
            return SelfTestCheck.Fail(name, $"Capture:Source is the simulator '{source}'", "set Capture:Source (or --source) to the pole's camera, or add --simulate");
        }

        IFrameSource frames;
        try
        {
            frames = FrameSources.Create(source, name, new FrameSourceContext(TimeProvider.System, loggerFactory) { FfmpegProgram = ffmpeg });
        }
        catch (ArgumentException ex)
        {
            return SelfTestCheck.Fail(name, ex.Message, $"set Capture:Source (or --source) to {FrameSources.AcceptedForms}");
        }

        await using (frames)
        {
            var expectedFps = frames.ExpectedFramesPerSecond ?? 0;
            int count;
            TimeSpan measured;
            try
            {
                (count, measured) = await CountFramesAsync(frames, settings, cancellationToken);
            }
            catch (CameraFailedException ex)
            {
                return SelfTestCheck.Fail(name, $"{shown}: {ex.Message}", "change the setting named above to one the camera offers");
            }
            catch (IOException ex)
            {
                return SelfTestCheck.Fail(name, $"{shown}: {ex.Message}", ReachFix(source));
            }

            if (count == 0)
            {
                return SelfTestCheck.Fail(name, $"{shown}: no frame within {settings.FirstFrameTimeout.TotalSeconds:F0} s", ReachFix(source));
            }

            var fps = measured > TimeSpan.Zero && count > 1 ? (count - 1) / measured.TotalSeconds : 0;
            if (expectedFps > 0 && fps < expectedFps * MinimumRateFraction)
            {
                return SelfTestCheck.Fail(name, $"{shown}: {fps:F1} fps over {measured.TotalSeconds:F1} s, expected {expectedFps:F1} fps", RateFix(source));
            }

            var expected = expectedFps > 0 ? $", expected {expectedFps:F1} fps" : string.Empty;
            return SelfTestCheck.Pass(name, $"{shown}: {count} frames, {fps:F1} fps over {measured.TotalSeconds:F1} s{expected}");
        }
    }

    private static string ReachFix(string source) => KindOf(source) switch
    {
        "v4l2" => "check the camera's USB/CSI cable and power, that the device exists (v4l2-ctl --list-devices), that alpr-edge's user is in the video group, and that nothing else holds it (fuser /dev/videoN)",
        "network" => "check the camera's address, port, path and credentials, that it is on the network (ping it) and that its stream plays (ffprobe URL); install ffmpeg if it is missing",
        "file" => "check that the video file plays (ffprobe FILE) and that ffmpeg is installed (apt-get install ffmpeg)",
        _ => "check that the image folder holds .jpg or .png files, or the camera's cable and power",
    };

    private static string RateFix(string source) => KindOf(source) switch
    {
        "v4l2" => "the camera delivers too few frames: shorten its exposure (exposure= in the source; night mode lengthens it), use format=mjpeg for large frames over USB 2, check the CPU load",
        "network" => "the stream delivers too few frames: check the camera's configured frame rate and bit rate, the network's bandwidth (use transport=tcp), and the CPU load (ffmpeg decodes it)",
        _ => "frames come too slowly: check the CPU load, or lower the fps asked for",
    };

    private static string KindOf(string source)
    {
        if (V4l2SourceUri.Matches(source))
        {
            return "v4l2";
        }

        if (source.StartsWith("rtsp", StringComparison.OrdinalIgnoreCase) || source.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return "network";
        }

        return FfmpegSourceUri.IsVideoFile(source.Split('?')[0]) ? "file" : "other";
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
