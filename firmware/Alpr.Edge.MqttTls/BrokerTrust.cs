using System.Diagnostics.CodeAnalysis;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace Alpr.Edge.MqttTls;

/// <summary>
/// The check of the broker's certificate. With a CA file, the certificate must chain to that CA alone (custom root
/// trust: the system's roots do not count) and name the broker's host; without one, the system's roots are used.
/// Revocation is not checked (a pole has no route to a CRL or OCSP responder); revoke a broker by replacing the CA.
/// </summary>
public sealed class BrokerTrust
{
    private readonly X509Certificate2? _ca;

    /// <summary>Loads <paramref name="caFile"/> now (null: the system's roots).</summary>
    public BrokerTrust(string? caFile)
    {
        CaFile = caFile;
        _ca = caFile is null ? null : MqttTlsFiles.LoadCa(caFile);
    }

    /// <summary>The configured CA file, or null for the system's roots.</summary>
    public string? CaFile { get; }

    /// <summary>What is trusted, for log messages: the CA file or "system roots".</summary>
    public string TrustedName => CaFile ?? "system roots";

    /// <summary>True when the broker's certificate is accepted; otherwise false with a one-line reason.</summary>
    public bool Accepts(MqttClientCertificateValidationEventArgs args, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = args.SslPolicyErrors;
        if (args.Certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            reason = "the broker sent no certificate";
            return false;
        }

        using var certificate = new X509Certificate2(args.Certificate);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reason = $"its certificate ({certificate.Subject}) does not name the broker's host";
            return false;
        }

        if (_ca is null)
        {
            reason = errors == SslPolicyErrors.None ? null : $"its certificate ({certificate.Subject}) does not chain to a trusted root: {errors}";
            return reason is null;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (args.Chain is { } presented)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (chain.Build(certificate))
        {
            reason = null;
            return true;
        }

        var reasons = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        reason = $"its certificate ({certificate.Subject}, issued by {certificate.Issuer}) does not chain to the configured CA ({reasons})";
        return false;
    }
}
