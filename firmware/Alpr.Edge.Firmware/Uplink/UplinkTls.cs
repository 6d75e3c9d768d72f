using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// TLS for the uplink: the device's client certificate (mutual TLS) and the check of the broker's certificate.
/// With <see cref="UplinkOptions.CaFile"/> set, the broker's certificate must chain to that CA alone (custom root
/// trust: the system's roots do not count) and name the broker's host; anything else is refused with a logged reason.
/// Revocation is not checked (a pole has no route to a CRL or OCSP responder); revoke a broker by replacing the CA.
/// </summary>
internal sealed class UplinkTls
{
    private readonly X509Certificate2? _ca;
    private readonly string? _caFile;
    private readonly string _broker;
    private readonly ILogger _logger;

    public UplinkTls(UplinkOptions options, string broker, ILogger logger)
    {
        _caFile = options.CaFile;
        _ca = options.CaFile is { } caFile ? LoadCa(caFile) : null;
        _broker = broker;
        _logger = logger;
    }

    public static X509Certificate2 LoadCa(string path) => X509Certificate2.CreateFromPem(File.ReadAllText(path));

    public static X509Certificate2 LoadClientCertificate(string certificateFile, string keyFile) =>
        X509Certificate2.CreateFromPemFile(certificateFile, keyFile);

    /// <summary>Adds TLS to the client options: the client certificate (loaded now, so a renewed file is used on reconnect) and the broker check.</summary>
    public MqttClientOptionsBuilder Apply(MqttClientOptionsBuilder builder, string host, UplinkOptions options)
    {
        return builder.WithTlsOptions(tls =>
        {
            tls.UseTls()
                .WithTargetHost(host)
                .WithSslProtocols(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13)
                .WithCertificateValidationHandler(Validate);
            if (options.ClientCertificateFile is { } certificateFile && options.ClientKeyFile is { } keyFile)
            {
                tls.WithClientCertificates(new X509Certificate2Collection(LoadClientCertificate(certificateFile, keyFile)));
            }
        });
    }

    private bool Validate(MqttClientCertificateValidationEventArgs args)
    {
        var errors = args.SslPolicyErrors;
        if (args.Certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            UplinkLog.BrokerCertificateRefused(_logger, _broker, "the broker sent no certificate", _caFile ?? "system roots");
            return false;
        }

        using var certificate = new X509Certificate2(args.Certificate);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            UplinkLog.BrokerCertificateRefused(_logger, _broker, $"its certificate ({certificate.Subject}) does not name the broker's host", _caFile ?? "system roots");
            return false;
        }

        if (_ca is null)
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            UplinkLog.BrokerCertificateRefused(_logger, _broker, $"its certificate ({certificate.Subject}) does not chain to a trusted root: {errors}", "system roots");
            return false;
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
            return true;
        }

        var reasons = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        UplinkLog.BrokerCertificateRefused(_logger, _broker, $"its certificate ({certificate.Subject}, issued by {certificate.Issuer}) does not chain to the configured CA ({reasons})", _caFile!);
        return false;
    }
}
