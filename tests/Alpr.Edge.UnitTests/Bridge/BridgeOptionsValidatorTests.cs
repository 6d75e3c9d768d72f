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
    [InlineData("https://127.0.0.1:5080")]
    [InlineData("")]
    public void Urls_that_are_not_loopback_http_are_refused_naming_the_key(string urls)
    {
        var result = new BridgeOptionsValidator().Validate(null, new BridgeOptions { Urls = urls });

        Assert.True(result.Failed);
        Assert.StartsWith("urls:", Assert.Single(result.Failures!), StringComparison.Ordinal);
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
