namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// The central store cannot be used: the server is unreachable, refuses the login, the file cannot be opened, or the
/// schema was written by a newer bridge. The message is one line a person can act on; the cause is in the inner exception.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>An empty reason (for serialisers and analyzers); prefer the other constructors.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>A one-line reason.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>A one-line reason and the error that caused it.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
