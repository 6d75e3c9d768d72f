using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.UnitTests.Bridge;

public sealed class BridgeOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid_and_use_the_local_broker()
    {
        var options = new BridgeOptions();

        Assert.True(new BridgeOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("mqtt://127.0.0.1:1883"), options.ResolveBrokerUri());
        Assert.Equal(Path.Combine("./bridge-data", "bridge.db"), options.DatabasePath);
    }

    [Fact]
    public void Embedded_broker_becomes_the_ingest_broker()
    {
        var options = new BridgeOptions { EmbeddedBrokerPort = 18830 };

        Assert.Equal(new Uri("mqtt://127.0.0.1:18830"), options.ResolveBrokerUri());
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080;http://127.0.0.1:5081")]
    public void Loopback_urls_are_accepted(string urls)
    {
        Assert.True(new BridgeOptionsValidator().Validate(null, new BridgeOptions { Urls = urls }).Succeeded);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://127.0.0.1:5080;http://*:5081")]
    [InlineData("ftp://127.0.0.1:5080")]
    [InlineData("")]
    public void Urls_that_are_not_loopback_http_are_refused_naming_the_key(string urls)
    {
        var result = new BridgeOptionsValidator().Validate(null, new BridgeOptions { Urls = urls });

        Assert.True(result.Failed);
        Assert.StartsWith("urls:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_on_another_address_is_refused_with_one_line_naming_tls()
    {
        var result = new BridgeOptionsValidator().Validate(null, new BridgeOptions { Urls = "http://0.0.0.0:5080" });

        var failure = Assert.Single(result.Failures!);
        Assert.Equal("urls: 'http://0.0.0.0:5080' serves other machines without TLS; use https://0.0.0.0:5080 with webCertificateFile and webKeyFile, or a loopback address", failure);
    }

    [Fact]
    public void Https_needs_existing_certificate_and_key_files_and_the_files_need_https()
    {
        var validator = new BridgeOptionsValidator();
        var certificate = Path.GetTempFileName();
        var key = Path.GetTempFileName();
        try
        {
            Assert.StartsWith("webCertificateFile and webKeyFile: an https URL needs both",
                Assert.Single(validator.Validate(null, new BridgeOptions { Urls = "https://0.0.0.0:5443" }).Failures!), StringComparison.Ordinal);
            Assert.Equal("webKeyFile: '/nonexistent/key.pem' does not exist", Assert.Single(validator.Validate(null, new BridgeOptions
            {
                Urls = "https://0.0.0.0:5443", WebCertificateFile = certificate, WebKeyFile = "/nonexistent/key.pem",
            }).Failures!));
            Assert.True(validator.Validate(null, new BridgeOptions { Urls = "https://0.0.0.0:5443", WebCertificateFile = certificate, WebKeyFile = key }).Succeeded);
            Assert.StartsWith("webCertificateFile and webKeyFile: only for https URLs", Assert.Single(validator.Validate(null, new BridgeOptions
            {
                Urls = "http://127.0.0.1:5080", WebCertificateFile = certificate, WebKeyFile = key,
            }).Failures!), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(certificate);
            File.Delete(key);
        }
    }

    [Fact]
    public void Cross_field_rules_are_checked()
    {
        var options = new BridgeOptions
        {
            ReconnectDelayMin = TimeSpan.FromSeconds(10),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            OperationTimeout = TimeSpan.Zero,
            ClientId = "",
        };

        var failures = new BridgeOptionsValidator().Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.StartsWith("reconnectDelayMax:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("operationTimeout:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("clientId:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_device_cap_out_of_range_or_an_allow_list_entry_that_is_no_device_id_is_refused_naming_the_key()
    {
        var failures = new BridgeOptionsValidator().Validate(null, new BridgeOptions { MaxDevices = 0, AllowedDevices = ["pole-1", "pole/2"] }).Failures!;

        Assert.Contains(failures, f => f.StartsWith("maxDevices: 0 must be 1 to 1000000", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("allowedDevices: 'pole/2' is not a device id", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("'pole-1'", StringComparison.Ordinal));
    }
}
