using System.CommandLine;
using System.Text.Json;
using Alpr.Edge.Recognition.Calibration;
using Microsoft.ML.OnnxRuntime;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// Hidden <c>alpr-edge calibrate --model FILE --inputs DIR --out FILE</c>: the ONNX Runtime half of the project's int8
/// quantisation (scripts/quantize-models). Runs an fp32 model whose outputs were extended to the tensors to calibrate over
/// every <c>*.npy</c> input in DIR (sorted by name) and writes each tensor's averaged per-sample minimum and maximum (<c>ranges</c>) and its extremes over all samples
/// (<c>extremes</c>) as JSON.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "fp32 ONNX model whose graph outputs are the tensors to calibrate.", Required = true };
        var inputs = new Option<string>("--inputs") { Description = "Folder of float32 .npy inputs (batch of one each).", Required = true };
        var output = new Option<string>("--out") { Description = "JSON file to write the ranges to.", Required = true };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads.", DefaultValueFactory = _ => 1 };
        var command = new Command("calibrate", "Collect activation ranges of an fp32 model for int8 quantisation (scripts/quantize-models).")
        {
            model, inputs, output, threads,
        };
        command.Hidden = true;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(inputs)!;
            if (!Directory.Exists(folder))
            {
                await error.WriteLineAsync($"alpr-edge calibrate: no such folder: {folder}");
                return ExitCodes.BadUsage;
            }

            var files = Directory.EnumerateFiles(folder, "*.npy").Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                await error.WriteLineAsync($"alpr-edge calibrate: no .npy files in {folder}");
                return ExitCodes.BadUsage;
            }

            try
            {
                using var collector = new ActivationRangeCollector(parseResult.GetValue(model)!, parseResult.GetValue(threads));
                foreach (var file in files)
                {
                    collector.Add(NpyTensor.Read(file), cancellationToken);
                }

                await WriteAsync(parseResult.GetValue(output)!, parseResult.GetValue(model)!, collector.Result(), cancellationToken);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync($"calibrated {files.Count} samples");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or InvalidDataException or IOException)
            {
                await error.WriteLineAsync($"alpr-edge calibrate: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static async Task WriteAsync(string path, string model, ActivationRanges result, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("model", Path.GetFileName(model));
        writer.WriteNumber("samples", result.Samples);
        WriteRanges(writer, "ranges", result.Ranges);
        WriteRanges(writer, "extremes", result.Extremes);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteRanges(Utf8JsonWriter writer, string property, IEnumerable<KeyValuePair<string, (double Min, double Max)>> ranges)
    {
        writer.WriteStartObject(property);
        foreach (var (name, (min, max)) in ranges)
        {
            writer.WriteStartArray(name);
            writer.WriteNumberValue(min);
            writer.WriteNumberValue(max);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
