using Alpr.Edge.Recognition.Cpu;

namespace Alpr.Edge.Recognition.Models;

/// <summary>
/// A verified manifest: for each role the file chosen for this CPU (<see cref="PrecisionChoice"/>), which exists under
/// <see cref="Directory"/> with the recorded checksum.
/// </summary>
/// <param name="Directory">Absolute path of the model folder.</param>
/// <param name="DetectorChoice">The text detector: declared entry, loaded entry and why.</param>
/// <param name="RecognizerChoice">The text-line reader: declared entry, loaded entry and why.</param>
/// <param name="Cpu">The CPU class the choices were made for.</param>
public sealed record ModelSet(string Directory, ModelChoice DetectorChoice, ModelChoice RecognizerChoice, CpuClassReading Cpu)
{
    /// <summary>The text detector as loaded (the fp32 fallback's file where that was chosen).</summary>
    public ManifestModel Detector => DetectorChoice.Loaded;

    /// <summary>The text-line reader as loaded (the fp32 fallback's file where that was chosen).</summary>
    public ManifestModel Recognizer => RecognizerChoice.Loaded;

    /// <summary>Both choices, detector first.</summary>
    public IReadOnlyList<ModelChoice> Choices => [DetectorChoice, RecognizerChoice];

    /// <summary>Absolute path of a file named relative to the model folder.</summary>
    public string PathOf(string relativeFile) => Path.GetFullPath(Path.Combine(Directory, relativeFile));
}
