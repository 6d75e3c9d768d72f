namespace Alpr.Edge.Storage.Keys;

/// <summary>The key-encryption key is missing, unsafe (readable by others) or does not open this store's keys.</summary>
public sealed class StoreKeyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreKeyException()
    {
    }

    /// <summary>Creates the exception with a message that names the file and the fix.</summary>
    public StoreKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
