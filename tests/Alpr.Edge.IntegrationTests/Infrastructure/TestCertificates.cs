using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Alpr.Edge.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away certificate authority for TLS tests (ECDSA P-256, made with <see cref="CertificateRequest"/>):
/// issues a broker certificate for 127.0.0.1/localhost and client certificates, written as PEM files.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly ECDsa _caKey;
    private readonly X509Certificate2 _ca;
    private readonly string _directory;

    public TestCertificates(string directory, string name)
    {
        _directory = directory;
        Name = name;
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} test CA", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        CaFile = Path.Combine(directory, $"{name}-ca.pem");
        File.WriteAllText(CaFile, _ca.ExportCertificatePem());
    }

    public string Name { get; }

    /// <summary>The CA certificate (PEM).</summary>
    public string CaFile { get; }

    /// <summary>Issues the broker's certificate (serverAuth, SAN 127.0.0.1 and localhost) and returns the broker's TLS files.</summary>
    public BrokerTls IssueBroker()
    {
        var (certificate, key) = Issue("broker", server: true);
        return new BrokerTls(CaFile, certificate, key);
    }

    /// <summary>Issues a client certificate (clientAuth, CN = <paramref name="deviceId"/>); returns its certificate and key files.</summary>
    public (string CertificateFile, string KeyFile) IssueClient(string deviceId) => Issue(deviceId, server: false);

    public void Dispose()
    {
        _ca.Dispose();
        _caKey.Dispose();
    }

    private (string CertificateFile, string KeyFile) Issue(string subject, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(_ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), serial);
        var certificateFile = Path.Combine(_directory, $"{Name}-{subject}.pem");
        var keyFile = Path.Combine(_directory, $"{Name}-{subject}.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile);
    }
}
