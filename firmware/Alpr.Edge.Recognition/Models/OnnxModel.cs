using Microsoft.ML.OnnxRuntime;

namespace Alpr.Edge.Recognition.Models;

/// <summary>
/// One ONNX Runtime session (CPU, or the GPU provider the settings name) for a manifest model, with its input shape checked against the manifest.
/// Holds a single <see cref="RunOptions"/> for its whole life (a new one per run crashed the runtime) and
/// disposes every tensor it creates before <see cref="Run"/> returns. One caller at a time.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames;

    private OnnxModel(ManifestModel entry, string path, InferenceSession session)
    {
        Entry = entry;
        FilePath = path;
        this.session = session;
        inputNames = [session.InputMetadata.Keys.Single()];
        outputNames = [entry.OutputName ?? session.OutputMetadata.Keys.First()];
        OutputShape = session.OutputMetadata[outputNames[0]].Dimensions;
    }

    /// <summary>The manifest entry.</summary>
    public ManifestModel Entry { get; }

    /// <summary>Absolute path of the ONNX file.</summary>
    public string FilePath { get; }

    /// <summary>Output shape as the model declares it; -1 marks a dynamic dimension.</summary>
    public IReadOnlyList<int> OutputShape { get; }

    /// <summary>
    /// Opens <paramref name="entry"/> from a verified <paramref name="models"/> set; throws <see cref="ModelManifestException"/>
    /// when the model's input shape differs from the manifest's.
    /// </summary>
    public static OnnxModel Open(ModelSet models, ManifestModel entry, OnnxSessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(settings);
        var path = models.PathOf(entry.File);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // Worker threads that spin while they wait for work take a core from capture, tracking and the other model on a
        // small CPU; they sleep instead (measured on 2 cores: docs/recognition.md, "Threads").
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        InferenceSession session;
        if (settings.ExecutionProvider != RecognitionExecutionProvider.Cpu
            && ExecutionProviders.Unavailable(settings.ExecutionProvider, ExecutionProviders.Available()) is { } unavailable)
        {
            throw new ModelManifestException($"model file {path} cannot be opened: {unavailable}");
        }

        try
        {
            ExecutionProviders.Apply(sessionOptions, settings);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException)
        {
            throw new ModelManifestException($"model file {path} cannot run on {settings.ExecutionProvider}: {ex.Message}", ex);
        }

        try
        {
            session = new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelManifestException($"model file {path} cannot be loaded by ONNX Runtime: {ex.Message}", ex);
        }

        try
        {
            CheckInputShape(entry, path, session);
            CheckOutputName(entry, path, session);
            return new OnnxModel(entry, path, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the model on one float tensor and returns a copy of the first output with its shape.</summary>
    public float[] Run(float[] input, long[] shape, out long[] outputShape)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(shape);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputs = session.Run(runOptions, inputNames, [inputValue], outputNames);
        var output = outputs[0];
        outputShape = output.GetTensorTypeAndShape().Shape;
        return output.GetTensorDataAsSpan<float>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    private static void CheckOutputName(ManifestModel entry, string path, InferenceSession session)
    {
        if (entry.OutputName is { } name && !session.OutputMetadata.ContainsKey(name))
        {
            throw new ModelManifestException(
                $"model file {path}: output '{name}' (manifest) not found, the model has [{string.Join(", ", session.OutputMetadata.Keys)}]; refusing to load it");
        }
    }

    private static void CheckInputShape(ManifestModel entry, string path, InferenceSession session)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new ModelManifestException($"model file {path}: expected one input, found {session.InputMetadata.Count}");
        }

        var actual = session.InputMetadata.Values.Single().Dimensions;
        var expected = entry.InputShape;
        var matches = actual.Length == expected.Count
            && actual.Select((d, i) => Math.Max(d, -1) == Math.Max(expected[i], -1)).All(ok => ok);
        if (!matches)
        {
            throw new ModelManifestException(
                $"model file {path}: input shape expected [{string.Join(", ", expected)}] (manifest), actual [{string.Join(", ", actual)}]; refusing to load it");
        }
    }
}
