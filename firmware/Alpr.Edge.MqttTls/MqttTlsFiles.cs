using System.Security.Cryptography.X509Certificates;

namespace Alpr.Edge.MqttTls;

/// <summary>Loads the PEM files.</summary>
public static class MqttTlsFiles
{
    /// <summary>The CA certificate in <paramref name="path"/> (PEM).</summary>
    public static X509Certificate2 LoadCa(string path) => X509Certificate2.CreateFromPem(File.ReadAllText(path));

    /// <summary>The client certificate with its private key (both PEM).</summary>
    public static X509Certificate2 LoadClientCertificate(string certificateFile, string keyFile) =>
        X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
}
