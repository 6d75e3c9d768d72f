namespace Alpr.Edge.Recognition;

/// <summary>Where ONNX Runtime runs the models (<see cref="RecognitionOptions.ExecutionProvider"/>).</summary>
public enum RecognitionExecutionProvider
{
    /// <summary>The CPU (the default; the package this firmware ships, Microsoft.ML.OnnxRuntime).</summary>
    Cpu,

    /// <summary>NVIDIA CUDA (a Jetson or a GPU machine); needs ONNX Runtime's GPU build in place of the CPU package.</summary>
    Cuda,

    /// <summary>NVIDIA TensorRT, with CUDA for the operators TensorRT does not take; needs ONNX Runtime's GPU build with TensorRT.</summary>
    TensorRt,
}
