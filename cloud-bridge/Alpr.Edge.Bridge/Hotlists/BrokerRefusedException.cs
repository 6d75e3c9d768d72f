namespace Alpr.Edge.Bridge.Hotlists;

/// <summary>The bridge refused the broker's TLS certificate; the message says why and what is trusted.</summary>
public sealed class BrokerRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BrokerRefusedException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public BrokerRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the connection's failure.</summary>
    public BrokerRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
