using Alpr.Edge.Bridge.Broker.Access;
using Alpr.Edge.Bridge.Cli;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary><c>alpr-bridge broker mosquitto-config</c> and the access table it renders (the real broker runs it in the integration tests).</summary>
public sealed class BrokerConfigCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-broker-config-").FullName;

    [Fact]
    public async Task Writes_a_mutual_tls_configuration_and_one_acl_row_per_topic_and_identity()
    {
        var (ca, cert, key) = PemFiles();
        var out_ = Path.Combine(_directory, "broker");

        var (exitCode, output, error) = await InvokeAsync(
            ["broker", "mosquitto-config", "--out", out_, "--ca", ca, "--cert", cert, "--key", key, "--bridge-identity", "bridge-1", "--bridge-identity", "bridge-2"]);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("bridge-1, bridge-2", output, StringComparison.Ordinal);
        var conf = await File.ReadAllLinesAsync(Path.Combine(out_, "mosquitto.conf"));
        foreach (var line in new[] { "allow_anonymous false", "require_certificate true", "use_identity_as_username true", "use_username_as_clientid true", "listener 8883 0.0.0.0", $"cafile {ca}", $"acl_file {Path.Combine(out_, "alpr-uplink.acl")}", "max_packet_size 2097152" })
        {
            Assert.Contains(line, conf);
        }

        var acl = (await File.ReadAllLinesAsync(Path.Combine(out_, "alpr-uplink.acl"))).Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Equal(2 * (1 + 8) + 8, acl.Count);
        Assert.Contains("pattern write alpr/v1/%u/read", acl);
        Assert.Contains("pattern read alpr/v1/%u/command", acl);
        Assert.Contains("topic write alpr/v1/+/ack", acl);
        Assert.DoesNotContain(acl, l => l.Contains('#', StringComparison.Ordinal) || l.Contains("readwrite", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--ca", "no such file")]
    [InlineData("--bridge-identity", "bridge identity 'alpr/bridge' is not usable")]
    [InlineData("--port", "--port must be 1..65535")]
    [InlineData("--bind", "--bind must be an IP address")]
    public async Task A_wrong_argument_is_one_line_naming_it(string option, string expected)
    {
        var (ca, cert, key) = PemFiles();
        var args = new List<string> { "broker", "mosquitto-config", "--out", _directory, "--ca", option == "--ca" ? ca + ".missing" : ca, "--cert", cert, "--key", key };
        args.AddRange(option switch
        {
            "--bridge-identity" => ["--bridge-identity", "alpr/bridge"],
            "--port" => ["--port", "0"],
            "--bind" => ["--bind", "broker.local"],
            _ => [],
        });

        var (exitCode, output, error) = await InvokeAsync([.. args]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("alpr-bridge: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "mosquitto.conf")));
    }

    [Theory]
    [InlineData("pole-a", "alpr/v1/pole-a/read", true)]
    [InlineData("pole-a", "alpr/v1/pole-b/read", false)]
    [InlineData("pole-a", "alpr/v1/pole-a/ack", false)]
    [InlineData("pole-a", "alpr/v1/+/read", false)]
    [InlineData("pole+", "alpr/v1/pole+/read", false)]
    [InlineData("alpr-bridge", "alpr/v1/pole-a/command", true)]
    [InlineData("alpr-bridge", "alpr/v1/pole-a/read", false)]
    [InlineData("alpr-bridge", "alpr/v1/+/command", false)]
    [InlineData("alpr-bridge", "alpr/v1/alpr-bridge/command", false)]
    [InlineData("pole-a", "alpr/v2/pole-a/read", false)]
    public void Publishing_follows_the_table(string identity, string topic, bool allowed) =>
        Assert.Equal(allowed, new BrokerAccessRules(["alpr-bridge"]).MayPublish(identity, topic));

    [Theory]
    [InlineData("pole-a", "alpr/v1/pole-a/hotlist", true)]
    [InlineData("pole-a", "alpr/v1/pole-a/#", false)]
    [InlineData("pole-a", "alpr/v1/#", false)]
    [InlineData("alpr-bridge", "alpr/v1/+/health", true)]
    [InlineData("alpr-bridge", "alpr/v1/#", false)]
    [InlineData("alpr-bridge", "alpr/v1/+/+", false)]
    [InlineData("alpr-bridge", "alpr/v1/+/ack", false)]
    public void Subscribing_follows_the_table(string identity, string filter, bool allowed) =>
        Assert.Equal(allowed, new BrokerAccessRules(["alpr-bridge"]).MaySubscribe(identity, filter));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (string Ca, string Cert, string Key) PemFiles()
    {
        var files = new[] { "ca.pem", "broker.pem", "broker.key" }.Select(n => Path.Combine(_directory, n)).ToArray();
        foreach (var file in files)
        {
            File.WriteAllText(file, "-----BEGIN PLACEHOLDER-----\n-----END PLACEHOLDER-----\n");
        }

        return (files[0], files[1], files[2]);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
