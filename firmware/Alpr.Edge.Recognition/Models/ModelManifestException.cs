namespace Alpr.Edge.Recognition.Models;

/// <summary>A model folder, its manifest or one of its files cannot be used; the message names the file and the fix.</summary>
public sealed class ModelManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelManifestException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ModelManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
