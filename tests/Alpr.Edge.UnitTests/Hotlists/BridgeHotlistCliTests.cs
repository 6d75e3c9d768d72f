using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Hotlists;
using Alpr.Edge.Hotlists.Bundles;
using MQTTnet;
using MQTTnet.Server;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class BridgeHotlistCliTests : IDisposable
{
    private const string Csv = "id,plate,list,category,case,state,match\nSV-1,7ABC123,stolen,stolen-vehicle,C-1,CA,confusions\nP-1,7AB?1*,partial,wanted-person,C-2,,exact\n";
    private readonly TempFolder _data = new();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Keygen_writes_an_owner_only_private_key_and_a_public_key_and_never_replaces_one_silently()
    {
        var (exitCode, output, _) = await Invoke("hotlist", "keygen", "--data", _data.Path);
        var key = new HotlistSigningKey(_data.Path);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.PrivatePath));
        var keyId = SigningKeys.KeyId(SigningKeys.ReadPublicKeyPem(File.ReadAllText(key.PublicPath)));
        Assert.Contains(keyId, output, StringComparison.Ordinal);

        var (again, _, error) = await Invoke("hotlist", "keygen", "--data", _data.Path);
        Assert.Equal(ExitCodes.Failure, again);
        Assert.Contains("--force", error, StringComparison.Ordinal);

        var (forced, forcedOutput, _) = await Invoke("hotlist", "keygen", "--data", _data.Path, "--force");
        Assert.Equal(ExitCodes.Success, forced);
        Assert.DoesNotContain(keyId, forcedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_makes_a_bundle_devices_verify()
    {
        await Invoke("hotlist", "keygen", "--data", _data.Path);
        var csv = _data.File("list.csv", Csv);
        var bundlePath = Path.Combine(_data.Path, "out", "list.bundle");

        var (exitCode, output, error) = await Invoke("hotlist", "sign", "--data", _data.Path, "--in", csv, "--out", bundlePath, "--list-version", "17", "--issuer", "county-bridge");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("version 17: 2 entries", output, StringComparison.Ordinal);
        var verification = Verifier().Verify(File.ReadAllBytes(bundlePath), 0);
        Assert.True(verification.IsAccepted, verification.Message);
        Assert.Equal("county-bridge", verification.Document!.Issuer);
        Assert.Equal(["SV-1", "P-1"], verification.Document.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task Sign_refuses_a_broken_list_naming_the_line()
    {
        await Invoke("hotlist", "keygen", "--data", _data.Path);
        var csv = _data.File("list.csv", "plate,list,category\n7ABC123,stolen,stolen-vehicle\n7AB**,stolen,stolen-vehicle\n");

        var (exitCode, _, error) = await Invoke("hotlist", "sign", "--data", _data.Path, "--in", csv, "--out", Path.Combine(_data.Path, "b"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data.Path, "b")));
    }

    [Fact]
    public async Task Sign_without_a_key_says_how_to_make_one()
    {
        var (exitCode, _, error) = await Invoke("hotlist", "sign", "--data", _data.Path, "--in", _data.File("list.csv", Csv), "--out", Path.Combine(_data.Path, "b"));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("alpr-bridge hotlist keygen", error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Sign_refuses_a_key_others_can_read()
    {
        await Invoke("hotlist", "keygen", "--data", _data.Path);
        File.SetUnixFileMode(new HotlistSigningKey(_data.Path).PrivatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var (exitCode, _, error) = await Invoke("hotlist", "sign", "--data", _data.Path, "--in", _data.File("list.csv", Csv), "--out", Path.Combine(_data.Path, "b"));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("chmod 600", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_puts_the_bundle_retained_on_each_device_topic_and_a_device_installs_it()
    {
        await Invoke("hotlist", "keygen", "--data", _data.Path);
        var bundlePath = Path.Combine(_data.Path, "list.bundle");
        await Invoke("hotlist", "sign", "--data", _data.Path, "--in", _data.File("list.csv", Csv), "--out", bundlePath, "--list-version", "5");
        var port = FreePort();
        using var server = await StartBrokerAsync(port);

        var (exitCode, output, error) = await Invoke("hotlist", "publish", "--data", _data.Path, "--bundle", bundlePath, "--device", "pole-1", "--device", "pole-2", "--broker", $"mqtt://127.0.0.1:{port}");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var retained = await RetainedAsync(port, "alpr/v1/pole-2/hotlist");
        Assert.Equal(File.ReadAllBytes(bundlePath), retained);
        using var device = new DeviceHotlists(_data.Path, SigningKeys.ReadPublicKeyPem(File.ReadAllText(new HotlistSigningKey(_data.Path).PublicPath)));
        var installed = await device.Installer.InstallAsync(retained, "broker", CancellationToken.None);
        Assert.True(installed.Installed, installed.Message);
        Assert.Equal(5, device.Installed.Version);
    }

    [Fact]
    public async Task Publish_refuses_a_bundle_devices_would_refuse()
    {
        await Invoke("hotlist", "keygen", "--data", _data.Path);
        using var other = new TestBundles();
        var bundlePath = Path.Combine(_data.Path, "foreign.bundle");
        File.WriteAllBytes(bundlePath, other.Sign(3));

        var (exitCode, _, error) = await Invoke("hotlist", "publish", "--data", _data.Path, "--bundle", bundlePath, "--device", "pole-1", "--broker", "mqtt://127.0.0.1:1");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("devices would refuse", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--broker", "tcp://host:1")]
    [InlineData("--device", "pole/1")]
    public async Task Publish_refuses_bad_arguments(string option, string value)
    {
        var (exitCode, _, error) = await Invoke("hotlist", "publish", "--data", _data.Path, "--bundle", "x", option, value);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Publish_to_an_unreachable_broker_fails_with_one_line()
    {
        await Invoke("hotlist", "keygen", "--data", _data.Path);
        var bundlePath = Path.Combine(_data.Path, "list.bundle");
        await Invoke("hotlist", "sign", "--data", _data.Path, "--in", _data.File("list.csv", Csv), "--out", bundlePath);

        var (exitCode, _, error) = await Invoke("hotlist", "publish", "--data", _data.Path, "--bundle", bundlePath, "--device", "pole-1", "--broker", $"mqtt://127.0.0.1:{FreePort()}");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _data.Dispose();

    private HotlistBundleVerifier Verifier() =>
        new([SigningKeys.ReadPublicKeyPem(File.ReadAllText(new HotlistSigningKey(_data.Path).PublicPath))]);

    private static async Task<(int ExitCode, string Output, string Error)> Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BridgeCli.InvokeAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<MqttServer> StartBrokerAsync(int port)
    {
        var factory = new MqttServerFactory();
        var server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointBoundIPV6Address(IPAddress.None).WithDefaultEndpointPort(port).Build());
        await server.StartAsync();
        return server;
    }

    private static async Task<byte[]> RetainedAsync(int port, string topic)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Retain)
            {
                received.TrySetResult(e.ApplicationMessage.Payload.ToArray());
            }

            return Task.CompletedTask;
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build(), timeout.Token);
        await client.SubscribeAsync(topic, cancellationToken: timeout.Token);
        return await received.Task.WaitAsync(timeout.Token);
    }
}
