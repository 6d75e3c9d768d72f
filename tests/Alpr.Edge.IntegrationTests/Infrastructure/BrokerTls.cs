namespace Alpr.Edge.IntegrationTests.Infrastructure;

/// <summary>PEM files for a TLS broker: the CA its clients' certificates must chain to, and its own certificate and key.</summary>
/// <param name="CaFile">CA certificate that client certificates must chain to.</param>
/// <param name="CertificateFile">The broker's certificate.</param>
/// <param name="KeyFile">The broker's private key.</param>
public sealed record BrokerTls(string CaFile, string CertificateFile, string KeyFile);
