using Alpr.Edge.Bridge.Broker.Access;
using Alpr.Edge.IntegrationTests.Infrastructure;
using MQTTnet;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Broker;

/// <summary>
/// The broker configuration the product ships (<see cref="MosquittoConfig"/>, <c>alpr-bridge broker mosquitto-config</c>) on a
/// real Mosquitto with certificates from a test CA, row by row of the access table in docs/uplink.md: a device publishes only
/// on its own data topics and hears only its own acks, commands and hot lists; only the bridge answers, commands and hears
/// the devices; a client without a department certificate does nothing; a client id is its certificate's CN, so no session
/// is taken over; a packet over 2 MiB is refused. A refused message is shown absent after a legitimate one on the same
/// topic has arrived (the broker answers a QoS 1 publish only once it has routed it).
/// </summary>
public sealed class MosquittoAccessTests(ITestOutputHelper output) : TwoAuthoritiesTestBase("alpr-acl-it-"), IAsyncLifetime
{
    private const string Bridge = "alpr-bridge";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly Dictionary<string, AclClient> _clients = new(StringComparer.Ordinal);
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        var tls = Department.IssueBroker();
        _broker = await MosquittoBroker.StartWithConfigurationAsync(tls, (port, directory) => new MosquittoConfig
        {
            BindAddress = "127.0.0.1",
            Port = port,
            CaFile = tls.CaFile,
            CertificateFile = tls.CertificateFile,
            KeyFile = tls.KeyFile,
            PersistenceDirectory = directory,
            Rules = new BrokerAccessRules([Bridge]),
        }.WriteTo(directory).ConfigurationFile);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync();
        }

        output.WriteLine(_broker.Output);
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData("pole-a", "alpr/v1/pole-a/read", true)]
    [InlineData("pole-a", "alpr/v1/pole-a/hit", true)]
    [InlineData("pole-a", "alpr/v1/pole-a/event", true)]
    [InlineData("pole-a", "alpr/v1/pole-a/status", true)]
    [InlineData("pole-a", "alpr/v1/pole-a/health", true)]
    [InlineData("pole-a", "alpr/v1/pole-b/read", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/hit", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/event", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/status", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/ack", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/command", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/hotlist", false)]
    [InlineData("pole-a", "alpr/v1/pole-a/ack", false)]
    [InlineData("pole-a", "alpr/v1/pole-a/command", false)]
    [InlineData(Bridge, "alpr/v1/pole-b/ack", true)]
    [InlineData(Bridge, "alpr/v1/pole-b/command", true)]
    [InlineData(Bridge, "alpr/v1/pole-b/hotlist", true)]
    [InlineData(Bridge, "alpr/v1/pole-b/read", false)]
    [InlineData(Bridge, "alpr/v1/pole-b/event", false)]
    [InlineData(Bridge, "alpr/v1/pole-b/status", false)]
    public async Task Who_may_publish_where(string publisher, string topic, bool allowed)
    {
        var hearer = await HearerOfAsync(topic);
        var sender = await ClientAsync(publisher);
        var probe = $"probe-{Guid.NewGuid():N}";

        var code = await sender.PublishAsync(topic, probe);
        await DeliverAsync(topic, $"sentinel-{Guid.NewGuid():N}", hearer);

        output.WriteLine($"{publisher} -> {topic}: PUBACK {code}");
        Assert.Equal(allowed, hearer.Got(probe));
        Assert.Equal(new AccessRow(publisher, topic, allowed), new AccessRow(publisher, topic, new BrokerAccessRules([Bridge]).MayPublish(publisher, topic)));
    }

    [Theory]
    [InlineData("pole-a", "alpr/v1/pole-a/ack", "alpr/v1/pole-a/ack", true)]
    [InlineData("pole-a", "alpr/v1/pole-a/command", "alpr/v1/pole-a/command", true)]
    [InlineData("pole-a", "alpr/v1/pole-a/hotlist", "alpr/v1/pole-a/hotlist", true)]
    [InlineData("pole-a", "alpr/v1/#", "alpr/v1/pole-b/read", false)]
    [InlineData("pole-a", "#", "alpr/v1/pole-b/hit", false)]
    [InlineData("pole-a", "alpr/v1/+/read", "alpr/v1/pole-b/read", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/read", "alpr/v1/pole-b/read", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/ack", "alpr/v1/pole-b/ack", false)]
    [InlineData("pole-a", "alpr/v1/pole-b/command", "alpr/v1/pole-b/command", false)]
    [InlineData("pole-a", "alpr/v1/+/hotlist", "alpr/v1/pole-b/hotlist", false)]
    [InlineData(Bridge, "alpr/v1/+/read", "alpr/v1/pole-b/read", true)]
    [InlineData(Bridge, "alpr/v1/+/hit", "alpr/v1/pole-b/hit", true)]
    [InlineData(Bridge, "alpr/v1/+/event", "alpr/v1/pole-b/event", true)]
    [InlineData(Bridge, "alpr/v1/+/status", "alpr/v1/pole-b/status", true)]
    [InlineData(Bridge, "alpr/v1/+/health", "alpr/v1/pole-b/health", true)]
    [InlineData(Bridge, "alpr/v1/pole-b/read", "alpr/v1/pole-b/read", true)]
    [InlineData(Bridge, "alpr/v1/+/ack", "alpr/v1/pole-b/ack", false)]
    [InlineData(Bridge, "alpr/v1/+/command", "alpr/v1/pole-b/command", false)]
    public async Task Who_may_hear_what(string subscriber, string filter, string topic, bool allowed)
    {
        var listener = await ClientAsync(subscriber);
        var code = await listener.SubscribeAsync(filter);
        var hearer = await HearerOfAsync(topic);
        var message = $"message-{Guid.NewGuid():N}";

        await DeliverAsync(topic, message, hearer);
        if (!ReferenceEquals(listener, hearer))
        {
            await DeliverAsync(topic, $"sentinel-{Guid.NewGuid():N}", hearer);
        }

        output.WriteLine($"{subscriber} subscribes {filter}: SUBACK {code}");
        Assert.Equal(allowed, listener.Got(message));
        Assert.Equal(allowed, new BrokerAccessRules([Bridge]).MaySubscribe(subscriber, filter));
    }

    [Fact]
    public async Task A_client_without_a_certificate_or_with_a_strangers_is_refused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => AclClient.ConnectAsync(_broker, Department, Department.CaFile, identity: null));
        await Assert.ThrowsAnyAsync<Exception>(() => AclClient.ConnectAsync(_broker, Stranger, Department.CaFile, "pole-a"));
        await Assert.ThrowsAnyAsync<Exception>(() => AclClient.ConnectAsync(_broker, Stranger, Department.CaFile, Bridge));
    }

    [Fact]
    public async Task A_device_connecting_again_and_again_with_the_bridges_client_id_does_not_take_over_its_session()
    {
        var bridge = await ClientAsync(Bridge);
        await bridge.SubscribeAsync("alpr/v1/+/read");
        var intruders = new List<AclClient>();
        for (var i = 0; i < 10; i++)
        {
            intruders.Add(await AclClient.ConnectAsync(_broker, Department, Department.CaFile, $"pole-x{i}", clientId: Bridge));
        }

        var message = $"read-{Guid.NewGuid():N}";
        await DeliverAsync("alpr/v1/pole-b/read", message, bridge);
        foreach (var intruder in intruders)
        {
            Assert.False(intruder.Got(message));
            await intruder.DisposeAsync();
        }

        Assert.True(bridge.IsConnected);
        Assert.Equal(0, bridge.Disconnections);
    }

    [Fact]
    public async Task A_packet_over_the_limit_is_refused_and_the_broker_keeps_delivering()
    {
        var bridge = await ClientAsync(Bridge);
        await bridge.SubscribeAsync("alpr/v1/+/read");
        var device = await ClientAsync("pole-a");
        var huge = $"huge-{Guid.NewGuid():N}";

        await Assert.ThrowsAnyAsync<Exception>(() => device.PublishAsync("alpr/v1/pole-a/read", huge, MosquittoConfig.DefaultMaxPacketBytes + 1024));
        _clients.Remove("pole-a");
        await device.DisposeAsync();
        await DeliverAsync("alpr/v1/pole-a/read", $"after-{Guid.NewGuid():N}", bridge);

        Assert.False(bridge.Got(huge));
    }

    /// <summary>The client that legitimately hears <paramref name="topic"/>: the bridge for device data, else the device it is for.</summary>
    private async Task<AclClient> HearerOfAsync(string topic)
    {
        var (device, leaf) = Split(topic);
        if (BrokerAccessRules.DevicePublishes.Contains(leaf))
        {
            var bridge = await ClientAsync(Bridge);
            await bridge.SubscribeAsync($"alpr/v1/+/{leaf}");
            return bridge;
        }

        var hearer = await ClientAsync(device);
        await hearer.SubscribeAsync(topic);
        return hearer;
    }

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/> from whoever may, and waits until <paramref name="hearer"/> has it.</summary>
    private async Task DeliverAsync(string topic, string payload, AclClient hearer)
    {
        var (device, leaf) = Split(topic);
        var publisher = await ClientAsync(BrokerAccessRules.DevicePublishes.Contains(leaf) ? device : Bridge);
        await publisher.PublishAsync(topic, payload);
        await hearer.WaitForAsync(payload, Patience);
    }

    private async Task<AclClient> ClientAsync(string identity)
    {
        if (!_clients.TryGetValue(identity, out var client))
        {
            client = await AclClient.ConnectAsync(_broker, Department, Department.CaFile, identity);
            _clients[identity] = client;
        }

        return client;
    }

    private static (string Device, string Leaf) Split(string topic)
    {
        var parts = topic.Split('/');
        return (parts[2], parts[3]);
    }

    private sealed record AccessRow(string Identity, string Topic, bool Allowed);
}
