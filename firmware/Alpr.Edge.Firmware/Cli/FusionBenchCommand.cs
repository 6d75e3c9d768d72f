using Alpr.Edge.CommandLine;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Alpr.Edge.Capture.Simulation.Plates;
using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// Hidden <c>alpr-edge fusion-bench [--passes N] [--frames F] [--seed S] [--noise LEVEL] [--manifest NAME] [--models DIR] [--threads N] [--save DIR]</c>:
/// simulated vehicle passes in which every frame is bad (<see cref="NoisyPlateRenderer"/>), each frame's plate crop read by the
/// real recogniser (<see cref="OnnxPlateRecognizer.RecognizeCrop"/>, so detection is out of the picture), and the passes read
/// exactly by the most confident single frame, by the majority text and by the fused vote (<see cref="PlateTextFusion"/>),
/// with variants of the vote and the tracker end to end with its default settings. Prints counts, shares and timings.
/// </summary>
internal static class FusionBenchCommand
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var passes = new Option<int>("--passes") { Description = "Simulated vehicle passes (1-100000).", DefaultValueFactory = _ => 60 };
        var frames = new Option<int>("--frames") { Description = "Frames per pass (1-100).", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "Seed of plates and noise.", DefaultValueFactory = _ => 1 };
        var noise = new Option<double>("--noise") { Description = "Noise level: 0 the simulator's own look, 1 heavy (default), up to 3.", DefaultValueFactory = _ => 1.0 };
        var manifest = new Option<string>("--manifest") { Description = "Manifest in the model folder.", DefaultValueFactory = _ => "manifest.json" };
        var models = new Option<string?>("--models") { Description = "Model folder (default: the models folder beside the program)." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 1 };
        var save = new Option<string?>("--save") { Description = "Folder to write every rendered crop to (PNG), for a look." };
        var show = new Option<bool>("--show") { Description = "Print each pass: the plate, every frame's reading and confidence, and each method's text." };
        passes.InRange(1, 100_000);
        frames.InRange(1, 100);
        noise.InRange(0, 3);
        var command = new Command("fusion-bench", "Fused vs best-frame vs majority reads on simulated noisy vehicle passes, with the real recogniser.")
        {
            passes, frames, seed, noise, manifest, models, threads, save, show,
        };
        command.Hidden = true;
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new RecognitionOptions { IntraOpThreads = parseResult.GetValue(threads), Manifest = parseResult.GetValue(manifest)! };
            if (parseResult.GetValue(models) is { } folder)
            {
                options.ModelDirectory = Path.GetFullPath(folder);
            }

            var settings = new Settings(parseResult.GetValue(passes), parseResult.GetValue(frames), parseResult.GetValue(seed), parseResult.GetValue(noise), parseResult.GetValue(save), parseResult.GetValue(show));
            return Task.FromResult(Run(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, options, settings, cancellationToken));
        });
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, RecognitionOptions options, Settings settings, CancellationToken cancellationToken)
    {
        var validation = new RecognitionOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            error.WriteLine($"alpr-edge fusion-bench: {validation.FailureMessage}");
            return ExitCodes.BadUsage;
        }

        if (settings.Save is { } saveFolder)
        {
            Directory.CreateDirectory(saveFolder);
        }

        try
        {
            using var recognizer = new OnnxPlateRecognizer(Options.Create(options), NullLogger<OnnxPlateRecognizer>.Instance);
            using var renderer = new NoisyPlateRenderer();
            var tally = new FusionBenchTally();
            var timing = new Timing();
            var random = new Random(settings.Seed);
            var issuer = new PlateIssuer(new Random(settings.Seed), texts: null);
            for (var pass = 0; pass < settings.Passes; pass++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var design = issuer.Next();
                var night = random.NextDouble() < 0.25;
                var (readings, reads) = OnePass(recognizer, renderer, design, night, pass, settings, random, timing, cancellationToken);
                tally.Add(design.Text, settings.Frames, readings, reads);
                if (settings.Show)
                {
                    Show(output, design.Text, readings, reads);
                }
            }

            Print(output, tally, settings, options, recognizer.Models, timing);
            return ExitCodes.Success;
        }
        catch (ModelManifestException ex)
        {
            error.WriteLine($"alpr-edge fusion-bench: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (FileNotFoundException ex)
        {
            error.WriteLine($"alpr-edge fusion-bench: {ex.Message} (install the plate font: apt-get install fonts-dejavu-core)");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Renders and reads one pass; feeds a fresh tracker (default settings, 10 fps, the plate moving across) the same readings.</summary>
    private static (List<PlateReading> Readings, List<TrackedRead> Reads) OnePass(
        OnnxPlateRecognizer recognizer, NoisyPlateRenderer renderer, PlateDesign design, bool night, int pass, Settings settings, Random random, Timing timing, CancellationToken cancellationToken)
    {
        var readings = new List<PlateReading>();
        var tracker = new PlateTracker(new TrackingOptions(), TimeProvider.System);
        var reads = new List<TrackedRead>();
        for (var frame = 0; frame < settings.Frames; frame++)
        {
            var started = Stopwatch.GetTimestamp();
            using var crop = renderer.Render(design, night, settings.Noise, random);
            timing.Render += Stopwatch.GetElapsedTime(started);
            if (settings.Save is { } folder)
            {
                Save(crop, Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"pass{pass:D4}-frame{frame:D2}-{design.Text}.png")));
            }

            started = Stopwatch.GetTimestamp();
            var recognition = recognizer.RecognizeCrop(crop, cancellationToken);
            timing.Recognise += Stopwatch.GetElapsedTime(started);
            timing.Crops++;
            var seen = recognition.Plates.Take(1)
                .Select(p => p with { Box = new PlateRegion(100 + (frame * 30), 400, 200, 100) })
                .ToList();
            readings.AddRange(seen);
            reads.AddRange(tracker.Observe("bench", Start.AddMilliseconds(100 * frame), seen));
        }

        reads.AddRange(tracker.Flush());
        return (readings, reads);
    }

    private static void Print(TextWriter output, FusionBenchTally tally, Settings settings, RecognitionOptions options, ModelSet models, Timing timing)
    {
        var recognizer = models.Choices.FirstOrDefault(c => c.Role == ModelRoles.Recognizer);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fusion-bench: {settings.Passes} passes x {settings.Frames} frames, noise {settings.Noise:0.##}, seed {settings.Seed}, {options.Manifest} (recognizer {recognizer?.Summary} {recognizer?.Loaded.File}), {options.IntraOpThreads} thread(s), {Environment.ProcessorCount} cores"));
        output.WriteLine($"frames read (a text at all)          {FusionBenchTally.Share(tally.FramesRead, tally.Frames)}");
        output.WriteLine($"frames read exactly                  {FusionBenchTally.Share(tally.FramesExact, tally.Frames)}");
        output.WriteLine($"passes with at least one exact frame {FusionBenchTally.Share(tally.PassesWithAnExactFrame, tally.Passes)}");
        output.WriteLine($"passes with no text in any frame     {FusionBenchTally.Share(tally.PassesWithoutText, tally.Passes)}");
        output.WriteLine("passes read exactly, by method:");
        for (var i = 0; i < FusionBenchTally.Methods.Count; i++)
        {
            output.WriteLine($"{FusionBenchTally.Methods[i].Name,-37}{FusionBenchTally.Share(tally.Exact(i), tally.Passes)}");
        }

        output.WriteLine($"{"tracker, default Tracking settings",-37}{FusionBenchTally.Share(tally.TrackerExact, tally.Passes)}  ({tally.TrackerReads} reads; {tally.TrackerPassesWithOneRead} passes with exactly one)");
        output.WriteLine($"fused exact {tally.Exact(2)} vs best-frame exact {tally.Exact(0)} vs majority exact {tally.Exact(1)} of {tally.Passes} passes; "
            + $"fused right where no frame was: {tally.VoteRightNoFrameRight}; best frame right where fused was not: {tally.VoteWrongBestFrameRight}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"time: render {timing.Render.TotalMilliseconds / Math.Max(1, timing.Crops):F1} ms/frame, recognise {timing.Recognise.TotalMilliseconds / Math.Max(1, timing.Crops):F1} ms/crop, {(timing.Render + timing.Recognise).TotalSeconds:F1} s in all"));
    }

    private static void Show(TextWriter output, string truth, List<PlateReading> readings, List<TrackedRead> reads)
    {
        string Mark(string text) => text == truth ? $"{text}*" : text;
        var frames = string.Join(' ', readings.Select(r => string.Create(CultureInfo.InvariantCulture, $"{Mark(r.Text)}:{r.Confidence:F2}")));
        var methods = readings.Count == 0 ? "-" : string.Join(' ', FusionBenchTally.Methods.Take(3).Select(m => Mark(m.Text(readings))));
        output.WriteLine($"{truth,-8} | {frames} | best, majority, vote: {methods} | tracker: {string.Join(' ', reads.Select(r => Mark(r.Text)))}");
    }

    private static void Save(SKBitmap crop, string path)
    {
        using var png = crop.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private sealed record Settings(int Passes, int Frames, int Seed, double Noise, string? Save, bool Show);

    private sealed class Timing
    {
        public TimeSpan Render { get; set; }

        public TimeSpan Recognise { get; set; }

        public int Crops { get; set; }
    }
}
