using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary>The bridge's TLS settings to the broker: checked at start-up, each message naming the key and the fix.</summary>
public sealed class BridgeTlsOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-bridge-tls-").FullName;
    private readonly string _ca;
    private readonly string _certificate;
    private readonly string _key;

    public BridgeTlsOptionsTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=bridge test", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _ca = Write("ca.pem", certificate.ExportCertificatePem());
        _certificate = Write("bridge.pem", certificate.ExportCertificatePem());
        _key = Write("bridge.key", key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_mqtts_broker_with_a_CA_and_a_client_certificate_is_valid()
    {
        var options = new BridgeOptions { Broker = "mqtts://broker.example:8883", CaFile = _ca, ClientCertificateFile = _certificate, ClientKeyFile = _key };

        Assert.True(new BridgeOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(BridgeOptions.UsesTls(options.ResolveBrokerUri()));
    }

    [Fact]
    public void An_mqtts_broker_without_files_is_valid_and_trusts_the_system_roots()
    {
        Assert.True(new BridgeOptionsValidator().Validate(null, new BridgeOptions { Broker = "mqtts://broker.example:8883" }).Succeeded);
    }

    [Fact]
    public void TLS_files_with_a_plain_mqtt_broker_are_refused_naming_the_keys_and_the_fix()
    {
        var failure = Assert.Single(Failures(new BridgeOptions { Broker = "mqtt://127.0.0.1:1883", CaFile = _ca }));

        Assert.Equal("caFile, clientCertificateFile and clientKeyFile need a TLS broker; use broker mqtts://HOST:PORT or remove them", failure);
    }

    [Fact]
    public void TLS_files_with_the_embedded_broker_are_refused_as_it_is_plain_TCP()
    {
        var failure = Assert.Single(Failures(new BridgeOptions { EmbeddedBrokerPort = 18830, ClientCertificateFile = _certificate, ClientKeyFile = _key }));

        Assert.Contains("embedded broker is plain TCP (demo only)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_without_a_certificate_is_refused()
    {
        var failure = Assert.Single(Failures(new BridgeOptions { Broker = "mqtts://broker.example:8883", ClientKeyFile = _key }));

        Assert.Equal("clientCertificateFile and clientKeyFile go together; set both (PEM files) or neither", failure);
    }

    [Fact]
    public void A_missing_CA_file_is_refused_naming_the_key_and_the_path()
    {
        var missing = Path.Combine(_directory, "missing-ca.pem");

        var failure = Assert.Single(Failures(new BridgeOptions { Broker = "mqtts://broker.example:8883", CaFile = missing }));

        Assert.Equal($"caFile '{missing}' does not exist; point it at the CA's PEM file", failure);
    }

    [Fact]
    public void A_CA_file_that_is_not_PEM_is_refused()
    {
        var failure = Assert.Single(Failures(new BridgeOptions { Broker = "mqtts://broker.example:8883", CaFile = Write("junk.pem", "not a certificate") }));

        Assert.StartsWith("caFile '", failure, StringComparison.Ordinal);
        Assert.Contains("is not a readable PEM certificate", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_does_not_belong_to_the_certificate_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var wrongKey = Write("other.key", other.ExportPkcs8PrivateKeyPem());

        var failure = Assert.Single(Failures(new BridgeOptions { Broker = "mqtts://broker.example:8883", ClientCertificateFile = _certificate, ClientKeyFile = wrongKey }));

        Assert.Contains("clientCertificateFile", failure, StringComparison.Ordinal);
        Assert.Contains("do not load as a certificate and its private key (PEM)", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mqtts://broker.example")]
    [InlineData("mqtts://user:secret@broker.example:8883")]
    [InlineData("tls://broker.example:8883")]
    public void Broker_urls_that_are_not_mqtt_or_mqtts_with_a_port_are_refused(string broker)
    {
        var failure = Assert.Single(Failures(new BridgeOptions { Broker = broker }));

        Assert.Contains("mqtts://host:port", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_file_takes_the_TLS_keys()
    {
        var path = Write("bridge.json", $$"""{ "broker": "mqtts://broker.example:8883", "caFile": "{{_ca}}", "clientCertificateFile": "{{_certificate}}", "clientKeyFile": "{{_key}}" }""");

        Assert.True(BridgeConfigFile.TryLoad(path, out var options, out var error), error);
        var copy = new BridgeOptions();
        options.CopyTo(copy);
        Assert.Equal(new Alpr.Edge.MqttTls.MqttTlsSettings(_ca, _certificate, _key), copy.Tls);
    }

    private static IEnumerable<string> Failures(BridgeOptions options) =>
        new BridgeOptionsValidator().Validate(null, options).Failures ?? [];

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
