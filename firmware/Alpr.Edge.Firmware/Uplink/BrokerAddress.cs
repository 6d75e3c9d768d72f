namespace Alpr.Edge.Firmware.Uplink;

/// <summary>A broker URL taken apart: <c>mqtt://host[:1883]</c> or <c>mqtts://host[:8883]</c>.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="UseTls">True for <c>mqtts://</c>.</param>
public sealed record BrokerAddress(string Host, int Port, bool UseTls)
{
    /// <summary>Parses a broker URL; on failure returns false with a one-line reason.</summary>
    public static bool TryParse(string? url, out BrokerAddress? address, out string? error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            error = $"'{url}' is not a URL; use mqtt://HOST[:PORT] or mqtts://HOST[:PORT]";
            return false;
        }

        var useTls = uri.Scheme switch
        {
            "mqtt" => false,
            "mqtts" => true,
            _ => (bool?)null,
        };
        if (useTls is null)
        {
            error = $"'{url}' has scheme '{uri.Scheme}'; use mqtt://HOST[:PORT] or mqtts://HOST[:PORT]";
            return false;
        }

        if (uri.Host.Length == 0 || (uri.AbsolutePath.Length > 1) || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            error = $"'{url}' must be only a scheme, host and port (credentials do not belong in the URL)";
            return false;
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? (useTls.Value ? 8883 : 1883) : uri.Port;
        address = new BrokerAddress(uri.Host, port, useTls.Value);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{(UseTls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
