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

    /// <summary>ONNX Runtime intra-op threads per session.</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 2;

    /// <summary>Most text lines read per frame (the detector's most confident first); bounds the time a busy scene costs.</summary>
    [Range(1, 256)]
    public int MaxTextLines { get; set; } = 16;

    /// <summary>Plates scoring below this (confidence x content x shape, 0..1) are not reported.</summary>
    [Range(0.0, 1.0)]
    public double MinPlateScore { get; set; } = 0.3;

    /// <summary>Absolute path of <see cref="ModelDirectory"/>.</summary>
    public string ResolveModelDirectory() =>
        Path.IsPathRooted(ModelDirectory) ? ModelDirectory : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, ModelDirectory));
}
