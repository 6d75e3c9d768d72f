namespace Alpr.Edge.Recognition.Models;

/// <summary>A verified manifest: every file named exists under <see cref="Directory"/> with the recorded checksum.</summary>
/// <param name="Directory">Absolute path of the model folder.</param>
/// <param name="Detector">The text detector.</param>
/// <param name="Recognizer">The text-line reader.</param>
public sealed record ModelSet(string Directory, ManifestModel Detector, ManifestModel Recognizer)
{
    /// <summary>Absolute path of a file named relative to the model folder.</summary>
    public string PathOf(string relativeFile) => Path.GetFullPath(Path.Combine(Directory, relativeFile));
}
