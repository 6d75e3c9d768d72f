using System.ComponentModel.DataAnnotations;

namespace Alpr.Edge.Recognition;

/// <summary>Recognition settings (config section <c>Recognition</c>).</summary>
public sealed class RecognitionOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Recognition";

    /// <summary>Folder holding <c>manifest.json</c> and the model files. Relative paths are resolved against the program's folder.</summary>
    [Required]
    public string ModelDirectory { get; set; } = "models";

    /// <summary>
    /// Manifest file in <see cref="ModelDirectory"/> (default <c>manifest.json</c>, the int8 models); a bare file name such as
    /// <c>manifest.fp32.json</c> selects another model set shipped beside it.
    /// </summary>
    [Required]
    public string Manifest { get; set; } = Models.ModelManifest.FileName;

    /// <summary>
    /// ONNX Runtime intra-op threads per session. Default 1, measured (scripts/bench-threads, docs/recognition.md): on a 2-core
    /// device that also captures and uploads, 2 threads doubled the CPU per frame and were slower in wall time too.
    /// </summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Where the models run: <c>Cpu</c> (default), or <c>Cuda</c> / <c>TensorRt</c> on a Jetson with ONNX Runtime's GPU package
    /// (start-up fails, naming this key, when the loaded ONNX Runtime lacks the provider).
    /// </summary>
    public RecognitionExecutionProvider ExecutionProvider { get; set; } = RecognitionExecutionProvider.Cpu;

    /// <summary>GPU index for <c>Cuda</c> and <c>TensorRt</c>.</summary>
    [Range(0, 15)]
    public int DeviceId { get; set; }

    /// <summary>
    /// Longer side of the detector's input in pixels (a multiple of 32, 320..2560); 0 keeps the manifest's <c>maxSide</c>
    /// (960). Larger finds smaller plates and costs about the square of the ratio in detection time.
    /// </summary>
    [Range(0, 2560)]
    public int DetectorMaxSide { get; set; }

    /// <summary>Most text lines read per frame (the detector's most confident first); bounds the time a busy scene costs.</summary>
    [Range(1, 256)]
    public int MaxTextLines { get; set; } = 16;

    /// <summary>Plates scoring below this (confidence x content x shape, 0..1) are not reported.</summary>
    [Range(0.0, 1.0)]
    public double MinPlateScore { get; set; } = 0.3;

    /// <summary>
    /// Postal codes of the states whose plates the site mostly sees (e.g. <c>["CA"]</c>): their standard formats get full weight
    /// when look-alike characters (O/0, I/1, B/8, S/5, Z/2, G/6) are rescored. Empty: every state's formats weigh the same.
    /// </summary>
    public IList<string> HomeStates { get; init; } = [];

    /// <summary>
    /// Which file an int8 model loads: <c>Auto</c> (default) the int8 file where the manifest's <c>cpuClasses</c> list this CPU's
    /// class, its fp32 <c>fallback</c> elsewhere; <c>Int8</c> the int8 file everywhere; <c>Fp32</c> the fallback wherever one is declared.
    /// </summary>
    public RecognitionPrecision Precision { get; set; } = RecognitionPrecision.Auto;

    /// <summary>
    /// Overrides the detected CPU class (one of <see cref="Cpu.CpuClasses.All"/>, such as <c>x86-64-avx2</c>) for tests and
    /// measurements; empty detects it from <c>/proc/cpuinfo</c> and .NET's intrinsics.
    /// </summary>
    public string? CpuClass { get; set; }

    /// <summary>Rescore look-alike characters with the plate formats (a prior, never a filter).</summary>
    public bool UseFormatPrior { get; set; } = true;

    /// <summary>A copy of these options with <see cref="Precision"/> set to <paramref name="precision"/> (to load the same set in another precision).</summary>
    public RecognitionOptions WithPrecision(RecognitionPrecision precision)
    {
        var copy = (RecognitionOptions)MemberwiseClone();
        copy.Precision = precision;
        return copy;
    }

    /// <summary>Absolute path of the manifest file.</summary>
    public string ResolveManifest() => Path.Combine(ResolveModelDirectory(), Manifest);

    /// <summary>Absolute path of <see cref="ModelDirectory"/>.</summary>
    public string ResolveModelDirectory() =>
        Path.IsPathRooted(ModelDirectory) ? ModelDirectory : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, ModelDirectory));
}
