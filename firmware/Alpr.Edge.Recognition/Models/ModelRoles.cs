namespace Alpr.Edge.Recognition.Models;

/// <summary>Values of <see cref="ManifestModel.Role"/>.</summary>
public static class ModelRoles
{
    /// <summary>Finds text or plate regions in a frame.</summary>
    public const string Detector = "detector";

    /// <summary>Reads the characters of one cropped text line.</summary>
    public const string Recognizer = "recognizer";
}
