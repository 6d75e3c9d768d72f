using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace Alpr.Edge.MqttTls;

/// <summary>Adds TLS to an MQTT client's options.</summary>
public static class MqttTlsClientOptions
{
    /// <summary>
    /// TLS 1.2 or 1.3 to <paramref name="host"/>, the client certificate of <paramref name="settings"/> (loaded now, so
    /// a renewed file is used on reconnect) and <paramref name="validate"/> as the check of the broker's certificate.
    /// </summary>
    public static MqttClientOptionsBuilder WithBrokerTls(
        this MqttClientOptionsBuilder builder,
        string host,
        MqttTlsSettings settings,
        Func<MqttClientCertificateValidationEventArgs, bool> validate)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        return builder.WithTlsOptions(tls =>
        {
            tls.UseTls()
                .WithTargetHost(host)
                .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                .WithCertificateValidationHandler(validate);
            if (settings.ClientCertificateFile is { } certificateFile && settings.ClientKeyFile is { } keyFile)
            {
                tls.WithClientCertificates(new X509Certificate2Collection(MqttTlsFiles.LoadClientCertificate(certificateFile, keyFile)));
            }
        });
    }
}
