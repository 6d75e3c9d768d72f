namespace Alpr.Edge.Hardware.PinMaps;

/// <summary>A pin map that cannot be used; <see cref="Problems"/> names each pin and the fix.</summary>
public sealed class PinMapException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public PinMapException(string source, IReadOnlyList<string> problems)
        : base($"Pin map {source} is not usable:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", problems)}")
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one message.</summary>
    public PinMapException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public PinMapException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates an empty exception.</summary>
    public PinMapException()
    {
        Problems = [];
    }

    /// <summary>Each problem, one sentence naming the pin and the fix.</summary>
    public IReadOnlyList<string> Problems { get; }
}
