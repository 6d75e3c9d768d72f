namespace Alpr.Edge.Firmware.Device;

/// <summary>The device id to use when the configuration names none: the host name, made topic-safe.</summary>
internal static class DeviceIdentity
{
    public static string FromHostName(string hostName)
    {
        var safe = new string(hostName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return safe.Length switch
        {
            0 => "alpr-edge",
            > 64 => safe[..64],
            _ => safe,
        };
    }
}
