using Alpr.Edge.MqttTls;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Start-up checks of the TLS settings (<see cref="MqttTlsValidation"/>) under the <c>Uplink</c> keys.</summary>
internal static class UplinkTlsValidation
{
    private static readonly MqttTlsKeys Keys = new(
        "Uplink:BrokerUrl", "mqtts://HOST[:8883]", "Uplink:CaFile", "Uplink:ClientCertificateFile", "Uplink:ClientKeyFile");

    public static void Check(UplinkOptions options, List<string> failures)
    {
        var tls = BrokerAddress.TryParse(options.BrokerUrl, out var broker, out _) && broker!.UseTls;
        MqttTlsValidation.Check(UplinkTls.Settings(options), tls, Keys, failures);
    }
}
