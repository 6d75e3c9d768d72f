namespace Alpr.Edge.Recognition.Models;

/// <summary>How ONNX Runtime sessions are opened: threads and execution provider.</summary>
/// <param name="IntraOpThreads">Threads one operator may use.</param>
/// <param name="ExecutionProvider">Where the models run.</param>
/// <param name="DeviceId">GPU index for <see cref="RecognitionExecutionProvider.Cuda"/> and <see cref="RecognitionExecutionProvider.TensorRt"/>.</param>
public sealed record OnnxSessionSettings(int IntraOpThreads, RecognitionExecutionProvider ExecutionProvider = RecognitionExecutionProvider.Cpu, int DeviceId = 0)
{
    /// <summary>The settings named by <paramref name="options"/>.</summary>
    public static OnnxSessionSettings From(RecognitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OnnxSessionSettings(options.IntraOpThreads, options.ExecutionProvider, options.DeviceId);
    }
}
