using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>The web server's TLS certificate, from PEM files.</summary>
internal static class WebCertificate
{
    /// <summary>
    /// The certificate in <paramref name="certificateFile"/> with the key in <paramref name="keyFile"/>; throws
    /// <see cref="InvalidOperationException"/> with one line when they cannot be read.
    /// </summary>
    public static X509Certificate2 Load(string certificateFile, string keyFile)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"webCertificateFile/webKeyFile: cannot load '{certificateFile}' with '{keyFile}': {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
