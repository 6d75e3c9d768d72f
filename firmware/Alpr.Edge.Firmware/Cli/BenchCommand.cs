using Alpr.Edge.CommandLine;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Alpr.Edge.Capture.Simulation;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// <c>alpr-edge bench [--manifest NAME]... [--frames N] [--seed N] [--night] [--threads N] [--size WxH] [--models DIR] [--precision auto|int8|fp32] [--cpu-class CLASS]</c>: recognition
/// speed per stage (detect, crop, recognize, post; median and p95 ms) of each model set on frames rendered by the simulated
/// camera, so it runs from a clean clone without any dataset. <c>total</c> is wall time per frame, <c>cpu</c> the process's CPU
/// time per frame (steadier than wall time on a busy machine). Model sets are timed in turn on the same frames after a
/// warm-up; the share of fully visible plates read exactly is printed beside the times as a sanity check, and a
/// <c>precision</c> row per model set names the precision and file each role loaded and the CPU class.
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] DefaultManifests = ["manifest.json", "manifest.fp32.json"];

    public static Command Create()
    {
        var manifests = new Option<string[]>("--manifest") { Description = "Manifest file(s) in the model folder to time (default: manifest.json and manifest.fp32.json)." };
        var frames = new Option<int>("--frames") { Description = "Frames to time per model set (1-10000).", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Simulated scene seed.", DefaultValueFactory = _ => 7 };
        var night = new Option<bool>("--night") { Description = "Render the infrared night look." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 1 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed frames first, per model set.", DefaultValueFactory = _ => 3 };
        var models = new Option<string?>("--models") { Description = "Model folder (default: the models folder beside the program)." };
        var size = new Option<string>("--size") { Description = "Frame size WIDTHxHEIGHT (320x240 to 4096x4096).", DefaultValueFactory = _ => "1280x720" };
        size.Validators.Add(r =>
        {
            if (OptionRules.TryValue(r, out var text) && !TryParseSize(text, out _, out _))
            {
                r.AddError($"--size must be WIDTHxHEIGHT between 320x240 and 4096x4096, such as 1920x1080; got '{text}'.");
            }
        });
        var precision = RecognitionPrecisionOptions.CreatePrecision();
        var cpuClass = RecognitionPrecisionOptions.CreateCpuClass();
        frames.InRange(1, 10_000);
        var command = new Command("bench", "Time recognition per stage on simulated frames for one or more model sets (fp32 vs int8).")
        {
            manifests, frames, seed, night, threads, warmup, models, size, precision, cpuClass,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var baseOptions = new RecognitionOptions
            {
                IntraOpThreads = parseResult.GetValue(threads),
                Precision = RecognitionPrecisionOptions.Parse(parseResult.GetValue(precision)),
                CpuClass = parseResult.GetValue(cpuClass),
            };
            if (parseResult.GetValue(models) is { } folder)
            {
                baseOptions.ModelDirectory = Path.GetFullPath(folder);
            }

            var names = parseResult.GetValue(manifests) is { Length: > 0 } given
                ? given
                : DefaultManifests.Where(m => File.Exists(Path.Combine(baseOptions.ResolveModelDirectory(), m))).ToArray();
            _ = TryParseSize(parseResult.GetValue(size), out var width, out var height); // the option's validator has refused anything else
            var scene = new SimulatedCameraOptions
            {
                Seed = parseResult.GetValue(seed), Night = parseResult.GetValue(night), FramesPerSecond = 0, Width = width, Height = height,
            };
            return Task.FromResult(Run(output, error, baseOptions, names, scene, parseResult.GetValue(frames), parseResult.GetValue(warmup), cancellationToken));
        });
        return command;
    }

    /// <summary>Parses <c>WIDTHxHEIGHT</c> within the simulated camera's limits.</summary>
    internal static bool TryParseSize(string? text, out int width, out int height)
    {
        width = height = 0;
        var parts = (text ?? string.Empty).Split('x', 'X');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width is >= 320 and <= 4096 && height is >= 240 and <= 4096;
    }

    private static int Run(
        TextWriter output, TextWriter error, RecognitionOptions baseOptions, string[] manifests, SimulatedCameraOptions scene, int frameCount, int warmup, CancellationToken cancellationToken)
    {
        if (manifests.Length == 0)
        {
            error.WriteLine($"alpr-edge bench: no manifest to time in {baseOptions.ResolveModelDirectory()}");
            return ExitCodes.BadUsage;
        }

        var rendered = new List<RenderedFrame>(frameCount);
        try
        {
            using (var renderer = new StreetSceneRenderer(scene))
            {
                for (long i = 0; i < frameCount; i++)
                {
                    rendered.Add(renderer.Render(i));
                }
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"bench: {frameCount} simulated {(scene.Night ? "night" : "day")} frames {scene.Width}x{scene.Height} (seed {scene.Seed}), {baseOptions.IntraOpThreads} thread(s), {Environment.ProcessorCount} cores, load {LoadAverage()}"));
            output.WriteLine($"{"manifest",-24} {"stage",-10} {"median ms",10} {"p95 ms",10}  read");
            foreach (var manifest in manifests)
            {
                var result = TimeOne(baseOptions, manifest, rendered, warmup, cancellationToken, out var times);
                if (result is not null)
                {
                    error.WriteLine($"alpr-edge bench: {result}");
                    return ExitCodes.Failure;
                }

                foreach (var stage in times.Times.Stages)
                {
                    var (median, p95) = times.Times.Summary(stage);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{manifest,-24} {stage,-10} {median,10:F1} {p95,10:F1}  {(stage == "cpu" ? times.ReadText : string.Empty)}"));
                }

                output.WriteLine($"{manifest,-24} {"precision",-10} {string.Empty,10} {string.Empty,10}  {times.PrecisionText}");
            }

            return ExitCodes.Success;
        }
        finally
        {
            rendered.ForEach(f => f.Image.Dispose());
        }
    }

    private static string? TimeOne(
        RecognitionOptions baseOptions, string manifest, List<RenderedFrame> frames, int warmup, CancellationToken cancellationToken, out (BenchStageTimes Times, string ReadText, string PrecisionText) result)
    {
        result = (new BenchStageTimes(), string.Empty, string.Empty);
        var options = new RecognitionOptions
        {
            ModelDirectory = baseOptions.ModelDirectory,
            IntraOpThreads = baseOptions.IntraOpThreads,
            Manifest = manifest,
            Precision = baseOptions.Precision,
            CpuClass = baseOptions.CpuClass,
        };
        var validation = new RecognitionOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            return validation.FailureMessage;
        }

        OnnxPlateRecognizer recognizer;
        try
        {
            recognizer = new OnnxPlateRecognizer(Options.Create(options), NullLogger<OnnxPlateRecognizer>.Instance);
        }
        catch (ModelManifestException ex)
        {
            return ex.Message;
        }

        using (recognizer)
        {
            for (var i = 0; i < Math.Min(warmup, frames.Count); i++)
            {
                recognizer.Recognize(frames[i].Image, cancellationToken);
            }

            int visible = 0, read = 0;
            using var process = Process.GetCurrentProcess();
            foreach (var frame in frames)
            {
                cancellationToken.ThrowIfCancellationRequested();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                var recognition = recognizer.Recognize(frame.Image, cancellationToken);
                var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                foreach (var (stage, ms) in recognition.StageMilliseconds)
                {
                    result.Times.Add(stage, ms);
                }

                result.Times.Add("total", total);
                result.Times.Add("cpu", cpu);
                foreach (var plate in frame.GroundTruth.Plates.Where(p => p.FullyVisible))
                {
                    visible++;
                    read += recognition.Plates.Any(p => p.Text == plate.Text) ? 1 : 0;
                }
            }

            result.ReadText = string.Create(CultureInfo.InvariantCulture, $"{read}/{visible} fully visible plates read exactly");
            result.PrecisionText = PrecisionText(recognizer.Models);
            return null;
        }
    }

    /// <summary><c>detector int8 (ppocr-v4-int8/…onnx), recognizer fp32 fallback (plate-rec/plate-rec.onnx) on x86-64-avx2</c>.</summary>
    private static string PrecisionText(ModelSet models) =>
        string.Join(", ", models.Choices.Select(c => $"{c.Role} {c.Summary} ({c.Loaded.File})")) + $" on {models.Cpu.Class}";

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}
