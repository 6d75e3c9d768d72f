namespace Alpr.Edge.MqttTls;

/// <summary>The PEM files of a TLS connection to the broker.</summary>
/// <param name="CaFile">CA the broker's certificate must chain to (alone); null trusts the system's roots.</param>
/// <param name="ClientCertificateFile">Client certificate for mutual TLS (with <paramref name="ClientKeyFile"/>).</param>
/// <param name="ClientKeyFile">Private key of <paramref name="ClientCertificateFile"/>.</param>
public sealed record MqttTlsSettings(string? CaFile, string? ClientCertificateFile, string? ClientKeyFile)
{
    /// <summary>True when any file is set.</summary>
    public bool Any => CaFile is not null || ClientCertificateFile is not null || ClientKeyFile is not null;
}
