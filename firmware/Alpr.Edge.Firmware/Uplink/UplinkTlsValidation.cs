using System.Security.Cryptography;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Start-up checks of the TLS settings: files present and loadable, client certificate and key together.</summary>
internal static class UplinkTlsValidation
{
    public static void Check(UplinkOptions options, List<string> failures)
    {
        var tls = BrokerAddress.TryParse(options.BrokerUrl, out var broker, out _) && broker!.UseTls;
        var anyTlsFile = options.CaFile is not null || options.ClientCertificateFile is not null || options.ClientKeyFile is not null;
        if (!tls)
        {
            if (anyTlsFile)
            {
                failures.Add("Uplink:CaFile, ClientCertificateFile and ClientKeyFile need a TLS broker; use Uplink:BrokerUrl mqtts://HOST[:8883] or remove them");
            }

            return;
        }

        if ((options.ClientCertificateFile is null) != (options.ClientKeyFile is null))
        {
            failures.Add("Uplink:ClientCertificateFile and Uplink:ClientKeyFile go together; set both (PEM files) or neither");
            return;
        }

        if (options.CaFile is { } caFile)
        {
            try
            {
                _ = UplinkTls.LoadCa(caFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                failures.Add($"Uplink:CaFile '{caFile}' is not a readable PEM certificate: {ex.Message}; point it at the department CA's PEM file");
            }
        }

        if (options.ClientCertificateFile is { } certificateFile && options.ClientKeyFile is { } keyFile)
        {
            try
            {
                using var certificate = UplinkTls.LoadClientCertificate(certificateFile, keyFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                failures.Add($"Uplink:ClientCertificateFile '{certificateFile}' with Uplink:ClientKeyFile '{keyFile}' do not load as a certificate and its private key (PEM): {ex.Message}");
            }
        }
    }
}
