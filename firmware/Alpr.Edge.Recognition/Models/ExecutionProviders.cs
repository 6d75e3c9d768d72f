using Microsoft.ML.OnnxRuntime;

namespace Alpr.Edge.Recognition.Models;

/// <summary>Maps <see cref="RecognitionExecutionProvider"/> to ONNX Runtime's provider names and session options.</summary>
public static class ExecutionProviders
{
    private const string GpuHint =
        "the firmware ships ONNX Runtime's CPU package; on a Jetson build it against ONNX Runtime's GPU package (JetPack's onnxruntime-gpu, " +
        "or Microsoft.ML.OnnxRuntime.Gpu.Linux on x64) so that its native library provides the provider, or set Recognition:ExecutionProvider to Cpu";

    /// <summary>ONNX Runtime's name for <paramref name="provider"/> (as <see cref="OrtEnv.GetAvailableProviders"/> lists it).</summary>
    public static string NativeName(RecognitionExecutionProvider provider) => provider switch
    {
        RecognitionExecutionProvider.Cpu => "CPUExecutionProvider",
        RecognitionExecutionProvider.Cuda => "CUDAExecutionProvider",
        RecognitionExecutionProvider.TensorRt => "TensorrtExecutionProvider",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown execution provider"),
    };

    /// <summary>The providers the loaded ONNX Runtime native library offers.</summary>
    public static IReadOnlyList<string> Available() => OrtEnv.Instance().GetAvailableProviders();

    /// <summary>Null when <paramref name="provider"/> can run here; otherwise why not and what to do, naming the config key.</summary>
    public static string? Unavailable(RecognitionExecutionProvider provider, IReadOnlyList<string> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        if (!Enum.IsDefined(provider))
        {
            return $"{RecognitionOptions.SectionName}:ExecutionProvider '{provider}' is not one of {string.Join(", ", Enum.GetNames<RecognitionExecutionProvider>())}";
        }

        var name = NativeName(provider);
        return available.Contains(name)
            ? null
            : $"{RecognitionOptions.SectionName}:ExecutionProvider {provider} needs ONNX Runtime's {name}, which this build does not have " +
              $"(available: {string.Join(", ", available)}); {GpuHint}";
    }

    /// <summary>Adds <paramref name="settings"/>' provider to <paramref name="options"/> (the CPU needs nothing: it is always last).</summary>
    public static void Apply(SessionOptions options, OnnxSessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.ExecutionProvider)
        {
            case RecognitionExecutionProvider.Cpu:
                break;
            case RecognitionExecutionProvider.Cuda:
                options.AppendExecutionProvider_CUDA(settings.DeviceId);
                break;
            case RecognitionExecutionProvider.TensorRt:
                options.AppendExecutionProvider_Tensorrt(settings.DeviceId);
                options.AppendExecutionProvider_CUDA(settings.DeviceId);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.ExecutionProvider, "unknown execution provider");
        }
    }
}
