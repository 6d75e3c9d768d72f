namespace Alpr.Edge.Hotlists.Bundles;

/// <summary>A bundle's document decompresses past its limit.</summary>
public sealed class BundleTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BundleTooLargeException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public BundleTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public BundleTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
