namespace Alpr.Edge.MqttTls;

/// <summary>How the caller's configuration names each setting, so validation messages name the key to fix.</summary>
/// <param name="BrokerUrl">The broker URL's key, e.g. <c>Uplink:BrokerUrl</c>.</param>
/// <param name="TlsUrlExample">A TLS broker URL as that key takes it, e.g. <c>mqtts://HOST[:8883]</c>.</param>
/// <param name="CaFile">The CA file's key.</param>
/// <param name="ClientCertificateFile">The client certificate file's key.</param>
/// <param name="ClientKeyFile">The client key file's key.</param>
public sealed record MqttTlsKeys(string BrokerUrl, string TlsUrlExample, string CaFile, string ClientCertificateFile, string ClientKeyFile);
