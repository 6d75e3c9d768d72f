using Alpr.Edge.MqttTls;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// TLS for the uplink: the device's client certificate (mutual TLS) and the check of the broker's certificate
/// (<see cref="BrokerTrust"/>: with <see cref="UplinkOptions.CaFile"/> set, the broker must chain to that CA alone
/// and name the broker's host); a refused broker is logged with the reason.
/// </summary>
internal sealed class UplinkTls
{
    private readonly BrokerTrust _trust;
    private readonly string _broker;
    private readonly ILogger _logger;

    public UplinkTls(UplinkOptions options, string broker, ILogger logger)
    {
        _trust = new BrokerTrust(options.CaFile);
        _broker = broker;
        _logger = logger;
    }

    public static MqttTlsSettings Settings(UplinkOptions options) =>
        new(options.CaFile, options.ClientCertificateFile, options.ClientKeyFile);

    /// <summary>Adds TLS to the client options: the client certificate (loaded now, so a renewed file is used on reconnect) and the broker check.</summary>
    public MqttClientOptionsBuilder Apply(MqttClientOptionsBuilder builder, string host, UplinkOptions options) =>
        builder.WithBrokerTls(host, Settings(options), Validate);

    private bool Validate(MqttClientCertificateValidationEventArgs args)
    {
        if (_trust.Accepts(args, out var reason))
        {
            return true;
        }

        UplinkLog.BrokerCertificateRefused(_logger, _broker, reason, _trust.TrustedName);
        return false;
    }
}
