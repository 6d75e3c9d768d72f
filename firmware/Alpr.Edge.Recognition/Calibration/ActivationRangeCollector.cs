using Microsoft.ML.OnnxRuntime;

namespace Alpr.Edge.Recognition.Calibration;

/// <summary>
/// Runs an fp32 ONNX model whose graph outputs were extended to the tensors to calibrate (scripts/training/quantize.py
/// writes it) over sample inputs, and averages each output's per-sample minimum and maximum. Graph optimisations are off so
/// the tensors keep the values the original graph gives them. One caller at a time.
/// </summary>
public sealed class ActivationRangeCollector : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string inputName;
    private readonly string[] outputNames;
    private readonly double[] minimumSums;
    private readonly double[] maximumSums;
    private readonly double[] minimums;
    private readonly double[] maximums;
    private int samples;

    /// <summary>Opens <paramref name="modelPath"/> on the CPU with <paramref name="intraOpThreads"/> threads.</summary>
    public ActivationRangeCollector(string modelPath, int intraOpThreads)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
        };
        session = new InferenceSession(modelPath, options);
        if (session.InputMetadata.Count != 1)
        {
            session.Dispose();
            throw new InvalidDataException($"{modelPath}: calibration needs a model with one input, it has {session.InputMetadata.Count}");
        }

        inputName = session.InputMetadata.Keys.Single();
        outputNames = [.. session.OutputMetadata.Keys];
        minimumSums = new double[outputNames.Length];
        maximumSums = new double[outputNames.Length];
        minimums = Enumerable.Repeat(double.PositiveInfinity, outputNames.Length).ToArray();
        maximums = Enumerable.Repeat(double.NegativeInfinity, outputNames.Length).ToArray();
    }

    /// <summary>Runs one sample (batch of one) and adds its per-output minimum and maximum.</summary>
    public void Add(NpyTensor input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        using var value = OrtValue.CreateTensorValueFromMemory(input.Data, input.Shape);
        using var outputs = session.Run(runOptions, [inputName], [value], outputNames);
        for (var i = 0; i < outputs.Count; i++)
        {
            var data = outputs[i].GetTensorDataAsSpan<float>();
            var (minimum, maximum) = MinMax(data);
            minimumSums[i] += minimum;
            maximumSums[i] += maximum;
            minimums[i] = Math.Min(minimums[i], minimum);
            maximums[i] = Math.Max(maximums[i], maximum);
        }

        samples++;
    }

    /// <summary>The averaged ranges of the samples added so far.</summary>
    public ActivationRanges Result()
    {
        if (samples == 0)
        {
            throw new InvalidOperationException("no calibration samples were added");
        }

        var ranges = outputNames
            .Select((name, i) => new KeyValuePair<string, (double, double)>(name, (minimumSums[i] / samples, maximumSums[i] / samples)))
            .ToList();
        var extremes = outputNames
            .Select((name, i) => new KeyValuePair<string, (double, double)>(name, (minimums[i], maximums[i])))
            .ToList();
        return new ActivationRanges(samples, ranges, extremes);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    private static (double Min, double Max) MinMax(ReadOnlySpan<float> data)
    {
        if (data.IsEmpty)
        {
            return (0, 0);
        }

        var minimum = float.PositiveInfinity;
        var maximum = float.NegativeInfinity;
        foreach (var v in data)
        {
            minimum = Math.Min(minimum, v);
            maximum = Math.Max(maximum, v);
        }

        return (minimum, maximum);
    }
}
