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
}
