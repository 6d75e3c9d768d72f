namespace Alpr.Edge.Storage.Schema;

/// <summary>The store file was written by a newer firmware (a schema this one does not know) or cannot be migrated.</summary>
public sealed class StoreSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreSchemaException()
    {
    }

    /// <summary>Creates the exception with a message that says what to do.</summary>
    public StoreSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
