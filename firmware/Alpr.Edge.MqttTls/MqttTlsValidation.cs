using System.Security.Cryptography;

namespace Alpr.Edge.MqttTls;

/// <summary>Start-up checks of the TLS settings: files present and loadable, client certificate and key together, a TLS broker.</summary>
public static class MqttTlsValidation
{
    /// <summary>Adds a message naming the key and the fix to <paramref name="failures"/> for each problem.</summary>
    public static void Check(MqttTlsSettings settings, bool brokerUsesTls, MqttTlsKeys keys, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(failures);
        if (!brokerUsesTls)
        {
            if (settings.Any)
            {
                failures.Add($"{keys.CaFile}, {keys.ClientCertificateFile} and {keys.ClientKeyFile} need a TLS broker; use {keys.BrokerUrl} {keys.TlsUrlExample} or remove them");
            }

            return;
        }

        if ((settings.ClientCertificateFile is null) != (settings.ClientKeyFile is null))
        {
            failures.Add($"{keys.ClientCertificateFile} and {keys.ClientKeyFile} go together; set both (PEM files) or neither");
            return;
        }

        if (settings.CaFile is { } caFile && Exists(caFile, keys.CaFile, "the CA's PEM file", failures))
        {
            try
            {
                using var ca = MqttTlsFiles.LoadCa(caFile);
            }
            catch (Exception ex) when (IsLoadFailure(ex))
            {
                failures.Add($"{keys.CaFile} '{caFile}' is not a readable PEM certificate: {ex.Message}; point it at the department CA's PEM file");
            }
        }

        if (settings.ClientCertificateFile is { } certificateFile && settings.ClientKeyFile is { } keyFile
            && Exists(certificateFile, keys.ClientCertificateFile, "the client certificate's PEM file", failures)
            && Exists(keyFile, keys.ClientKeyFile, "the client certificate's private key (PEM)", failures))
        {
            try
            {
                using var certificate = MqttTlsFiles.LoadClientCertificate(certificateFile, keyFile);
            }
            catch (Exception ex) when (IsLoadFailure(ex))
            {
                failures.Add($"{keys.ClientCertificateFile} '{certificateFile}' with {keys.ClientKeyFile} '{keyFile}' do not load as a certificate and its private key (PEM): {ex.Message}");
            }
        }
    }

    private static bool Exists(string path, string key, string what, List<string> failures)
    {
        if (File.Exists(path))
        {
            return true;
        }

        failures.Add($"{key} '{path}' does not exist; point it at {what}");
        return false;
    }

    private static bool IsLoadFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException;
}
