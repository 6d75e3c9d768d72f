namespace Alpr.Edge.Hotlists.Loading;

/// <summary>A hot-list file that is missing or cannot be read; the message is one line naming the file and line.</summary>
public sealed class HotlistFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HotlistFormatException()
    {
    }

    /// <summary>Creates the exception with a one-line reason.</summary>
    public HotlistFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and its cause.</summary>
    public HotlistFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
