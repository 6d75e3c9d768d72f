using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// <c>alpr-edge recognize [--json] [--crop] [--gray] [--models DIR] [--manifest NAME] [--precision auto|int8|fp32] [--cpu-class CLASS] [--home-state CODE]... [--no-format-prior] [--min-score S] PATH...</c>:
/// finds and reads plates in image files or folders (jpg, jpeg, png) with the firmware's recogniser. One JSON line per image with
/// <c>--json</c> (with <c>precision</c>: the precision each role loaded, and <c>cpuClass</c>), a table otherwise.
/// </summary>
internal static class RecognizeCommand
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Image files or folders of images (jpg, png).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per image and line: file, plates (best first), ms." };
        var crop = new Option<bool>("--crop") { Description = "Each image is a tight plate crop: read it as one line, without detection." };
        var models = new Option<string?>("--models") { Description = "Model folder with a manifest.json (default: the models folder beside the program)." };
        var manifest = new Option<string>("--manifest") { Description = "Manifest file in the model folder (e.g. manifest.fp32.json).", DefaultValueFactory = _ => new RecognitionOptions().Manifest };
        var gray = new Option<bool>("--gray") { Description = "Convert each image to grey first (the look of an infrared night camera)." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads per model.", DefaultValueFactory = _ => new RecognitionOptions().IntraOpThreads };
        var homeStates = new Option<string[]>("--home-state") { Description = "Postal code of a state whose plate formats get full weight (repeatable), as Recognition:HomeStates." };
        var noPrior = new Option<bool>("--no-format-prior") { Description = "Do not rescore look-alike characters with the plate formats." };
        var minScore = new Option<double>("--min-score") { Description = "Least plate confidence reported, 0..1, as Recognition:MinPlateScore.", DefaultValueFactory = _ => new RecognitionOptions().MinPlateScore };
        var precision = RecognitionPrecisionOptions.CreatePrecision();
        var cpuClass = RecognitionPrecisionOptions.CreateCpuClass();
        var command = new Command("recognize", "Find and read plates in image files or folders.") { paths, json, crop, models, manifest, gray, threads, homeStates, noPrior, minScore, precision, cpuClass };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(paths) ?? [],
            parseResult.GetValue(json),
            parseResult.GetValue(crop),
            parseResult.GetValue(models),
            parseResult.GetValue(gray),
            new RecognitionOptions
            {
                IntraOpThreads = parseResult.GetValue(threads),
                Manifest = parseResult.GetValue(manifest)!,
                HomeStates = [.. parseResult.GetValue(homeStates) ?? []],
                UseFormatPrior = !parseResult.GetValue(noPrior),
                MinPlateScore = parseResult.GetValue(minScore),
                Precision = RecognitionPrecisionOptions.Parse(parseResult.GetValue(precision)),
                CpuClass = parseResult.GetValue(cpuClass),
            },
            cancellationToken)));
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, string[] paths, bool json, bool crop, string? modelDirectory, bool gray, RecognitionOptions options, CancellationToken cancellationToken)
    {
        List<string> files;
        try
        {
            files = ExpandPaths(paths);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"alpr-edge recognize: {ex.Message}");
            return ExitCodes.BadUsage;
        }

        if (modelDirectory is not null)
        {
            options.ModelDirectory = Path.GetFullPath(modelDirectory);
        }

        var validation = new RecognitionOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            error.WriteLine($"alpr-edge recognize: {validation.FailureMessage}");
            return ExitCodes.BadUsage;
        }

        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        OnnxPlateRecognizer recognizer;
        try
        {
            recognizer = new OnnxPlateRecognizer(Options.Create(options), loggerFactory.CreateLogger<OnnxPlateRecognizer>());
        }
        catch (ModelManifestException ex)
        {
            error.WriteLine($"alpr-edge recognize: {ex.Message}");
            return ExitCodes.Failure;
        }

        using (recognizer)
        {
            var failures = 0;
            if (!json)
            {
                output.WriteLine($"{"file",-40} {"plate",-10} {"conf",5} {"box",-22} {"ms",7}  alternatives");
            }

            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                using var decoded = SKBitmap.Decode(file);
                using var image = gray && decoded is not null ? GrayImage.From(decoded) : decoded;
                if (image is null)
                {
                    error.WriteLine($"alpr-edge recognize: cannot decode {file}");
                    failures++;
                    continue;
                }

                var result = crop ? recognizer.RecognizeCrop(image, cancellationToken) : recognizer.Recognize(image, cancellationToken);
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                output.WriteLine(json ? ToJsonLine(file, result, milliseconds, recognizer.Models) : ToTableRow(file, result, milliseconds));
            }

            return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }
    }

    private static List<string> ExpandPaths(string[] paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new ArgumentException($"no such file or folder: {path}");
            }
        }

        if (files.Count == 0)
        {
            throw new ArgumentException($"no images in {string.Join(", ", paths)} (looked for {string.Join(", ", ImageExtensions.Order(StringComparer.Ordinal))} files)");
        }

        return files;
    }

    private static string ToJsonLine(string file, FrameRecognition result, double milliseconds, ModelSet models)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteStartArray("plates");
            foreach (var plate in result.Plates)
            {
                writer.WriteStartObject();
                writer.WriteString("text", plate.Text);
                writer.WriteNumber("confidence", Math.Round(plate.Confidence, 4));
                writer.WriteStartArray("box");
                writer.WriteNumberValue(plate.Box.X);
                writer.WriteNumberValue(plate.Box.Y);
                writer.WriteNumberValue(plate.Box.Width);
                writer.WriteNumberValue(plate.Box.Height);
                writer.WriteEndArray();
                writer.WriteStartArray("alternatives");
                foreach (var (text, score) in plate.Alternatives)
                {
                    writer.WriteStartObject();
                    writer.WriteString("text", text);
                    writer.WriteNumber("score", Math.Round(score, 4));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("ms", Math.Round(milliseconds, 1));
            writer.WriteStartObject("stages");
            foreach (var (stage, stageMilliseconds) in result.StageMilliseconds)
            {
                writer.WriteNumber(stage, Math.Round(stageMilliseconds, 1));
            }

            writer.WriteEndObject();
            writer.WriteStartObject("precision");
            foreach (var choice in models.Choices)
            {
                writer.WriteString(choice.Role, choice.Precision);
            }

            writer.WriteEndObject();
            writer.WriteString("cpuClass", models.Cpu.Class);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ToTableRow(string file, FrameRecognition result, double milliseconds)
    {
        var name = Path.GetFileName(file);
        if (result.Plates.Count == 0)
        {
            return $"{name,-40} {"-",-10} {string.Empty,5} {string.Empty,-22} {milliseconds,7:F1}";
        }

        var rows = result.Plates.Select(p =>
        {
            var box = $"{p.Box.X},{p.Box.Y},{p.Box.Width},{p.Box.Height}";
            var alternatives = string.Join(" ", p.Alternatives.Select(a => $"{a.Text}:{a.Score:F2}"));
            return $"{name,-40} {p.Text,-10} {p.Confidence,5:F2} {box,-22} {milliseconds,7:F1}  {alternatives}";
        });
        return string.Join(Environment.NewLine, rows);
    }
}
