using System.Buffers.Binary;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Alpr.Edge.Recognition.Calibration;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// Hidden <c>alpr-edge dump-tensors --model FILE --inputs DIR --out DIR</c>: a quantisation diagnostic
/// (scripts/training/layer_diff.py). Runs a model with ONNX Runtime's full graph optimisations, as the recogniser does, over
/// every <c>*.npy</c> input and writes each graph output as float32 <c>.npy</c> (<c>SAMPLE.OUTPUTINDEX.npy</c>, names in
/// <c>outputs.txt</c>), so that the same int8 model's layers can be compared between CPUs (or against fp32).
/// </summary>
internal static class DumpTensorsCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "ONNX model whose graph outputs are the tensors to write.", Required = true };
        var inputs = new Option<string>("--inputs") { Description = "Folder of float32 .npy inputs (batch of one each).", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the tensors to.", Required = true };
        var command = new Command("dump-tensors", "Write a model's graph outputs for each input (quantisation diagnostics).") { model, inputs, output };
        command.Hidden = true;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(inputs)!;
            var files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.npy").Order(StringComparer.Ordinal).ToList() : [];
            if (files.Count == 0)
            {
                await error.WriteLineAsync($"alpr-edge dump-tensors: no .npy inputs in {folder}");
                return ExitCodes.BadUsage;
            }

            var outFolder = parseResult.GetValue(output)!;
            try
            {
                Directory.CreateDirectory(outFolder);
                using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
                using var session = new InferenceSession(parseResult.GetValue(model)!, options);
                using var runOptions = new RunOptions();
                var inputName = session.InputMetadata.Keys.Single();
                string[] names = [.. session.OutputMetadata.Keys];
                await File.WriteAllLinesAsync(Path.Combine(outFolder, "outputs.txt"), names, cancellationToken);
                foreach (var file in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var tensor = NpyTensor.Read(file);
                    using var value = OrtValue.CreateTensorValueFromMemory(tensor.Data, tensor.Shape);
                    using var results = session.Run(runOptions, [inputName], [value], names);
                    for (var i = 0; i < results.Count; i++)
                    {
                        var path = Path.Combine(outFolder, $"{Path.GetFileNameWithoutExtension(file)}.{i.ToString(CultureInfo.InvariantCulture)}.npy");
                        WriteNpy(path, AsFloats(results[i]), results[i].GetTensorTypeAndShape().Shape);
                    }
                }

                await parseResult.InvocationConfiguration.Output.WriteLineAsync($"wrote {names.Length} tensors for {files.Count} inputs to {outFolder}");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or InvalidDataException or IOException or InvalidOperationException)
            {
                await error.WriteLineAsync($"alpr-edge dump-tensors: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static float[] AsFloats(OrtValue value) => value.GetTensorTypeAndShape().ElementDataType switch
    {
        TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
        TensorElementType.UInt8 => [.. value.GetTensorDataAsSpan<byte>().ToArray().Select(b => (float)b)],
        TensorElementType.Int8 => [.. value.GetTensorDataAsSpan<sbyte>().ToArray().Select(b => (float)b)],
        var other => throw new InvalidDataException($"output type {other} is not written"),
    };

    private static void WriteNpy(string path, float[] data, long[] shape)
    {
        var dims = string.Join(", ", shape) + (shape.Length == 1 ? "," : string.Empty);
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({dims}), }}";
        header = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.Latin1.GetBytes(header));
        var bytes = new byte[data.Length * sizeof(float)];
        for (var i = 0; i < data.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), data[i]);
        }

        stream.Write(bytes);
    }
}
