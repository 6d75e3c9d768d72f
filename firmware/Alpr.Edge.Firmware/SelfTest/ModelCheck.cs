using System.Diagnostics;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Hardware.SelfTest;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Alpr.Edge.Firmware.SelfTest;

/// <summary>Loads the recogniser through the checksummed manifest and runs it once on a small rendered street scene.</summary>
internal static class ModelCheck
{
    private const string Name = "recognition model";

    public static SelfTestCheck Run(RecognitionOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var directory = options.ResolveModelDirectory();
        var validation = new RecognitionOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            return SelfTestCheck.Fail(Name, validation.FailureMessage, "fix the Recognition section of the configuration");
        }

        try
        {
            using var recognizer = new OnnxPlateRecognizer(Options.Create(options), loggerFactory.CreateLogger<OnnxPlateRecognizer>());
            using var renderer = new StreetSceneRenderer(new SimulatedCameraOptions { Seed = 1, Width = 640, Height = 360, FramesPerSecond = 0 });
            var rendered = renderer.Render(0);
            using var image = rendered.Image;
            var started = Stopwatch.GetTimestamp();
            var result = recognizer.Recognize(image, cancellationToken);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var read = result.Plates.Count == 0 ? "no plate" : string.Join(", ", result.Plates.Select(p => p.Text));
            var loaded = string.Join(", ", recognizer.Models.Choices.Select(c => $"{c.Role} {c.Summary}"));
            return SelfTestCheck.Pass(Name, $"loaded from {directory} ({loaded} on {recognizer.Models.Cpu.Class}); a 640x360 test scene ran in {milliseconds:F0} ms ({read})");
        }
        catch (ModelManifestException ex)
        {
            return SelfTestCheck.Fail(Name, ex.Message, "install the models (scripts/fetch-models) or point Recognition:ModelDirectory at a folder with manifest.json");
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return SelfTestCheck.Fail(Name, $"{directory}: {ex.Message}", "reinstall the models (scripts/fetch-models); the ONNX Runtime could not run them");
        }
    }
}
