namespace Alpr.Edge.Firmware.Hosting;

/// <summary>Configuration the device cannot run with; the message is one line naming the key and the fix.</summary>
public sealed class FirmwareConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FirmwareConfigurationException()
    {
    }

    /// <summary>Creates the exception with a one-line reason.</summary>
    public FirmwareConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and its cause.</summary>
    public FirmwareConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
