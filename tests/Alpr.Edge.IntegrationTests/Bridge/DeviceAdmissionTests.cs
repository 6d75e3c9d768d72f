using Alpr.Edge.Contracts;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// Invented device ids cannot fill the bridge's device registry: without an allow-list new ids are taken up to
/// <c>maxDevices</c>, with one only the listed devices; the rest are dead-lettered with the reason and create no device row.
/// </summary>
public sealed class DeviceAdmissionTests
{
    [Fact]
    public async Task Ten_invented_device_ids_past_a_cap_of_three_are_dead_lettered_and_create_no_device_rows()
    {
        await using var bridge = await RunningBridge.StartAsync(
            nameof(Ten_invented_device_ids_past_a_cap_of_three_are_dead_lettered_and_create_no_device_rows), configure: o => o.MaxDevices = 3);
        for (var i = 0; i < 10; i++)
        {
            await using var device = await SimulatedDevice.ConnectAsync(bridge.Broker, $"invented-{i}");
            await device.PublishReadAsync(TestRecords.Read($"invented-{i}"));
            await device.PublishRawAsync(MqttTopics.Status($"invented-{i}"), "online"u8.ToArray());
        }

        await using var known = await SimulatedDevice.ConnectAsync(bridge.Broker, "invented-0");
        var last = TestRecords.Read("invented-0");
        await known.PublishReadAsync(last);
        await known.WaitForAcksAsync(last.Id);

        var devices = await bridge.Host.Store.GetDevicesAsync(CancellationToken.None);
        var letters = await bridge.Host.Store.GetDeadLettersAsync(100, CancellationToken.None);
        Assert.Equal(3, devices.Count);
        Assert.Equal(new(4, 0), await bridge.Host.Store.CountAsync(CancellationToken.None));
        Assert.Equal(14, letters.Count);
        Assert.All(letters, l => Assert.Contains("the registry is full (3 devices, maxDevices)", l.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_allow_list_only_the_listed_devices_are_taken()
    {
        await using var bridge = await RunningBridge.StartAsync(
            nameof(With_an_allow_list_only_the_listed_devices_are_taken), configure: o => o.AllowedDevices = ["pole-1"]);
        await using var stranger = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-2");
        await using var listed = await SimulatedDevice.ConnectAsync(bridge.Broker, "pole-1");
        await stranger.PublishReadAsync(TestRecords.Read("pole-2"));
        await stranger.PublishRawAsync(MqttTopics.Status("pole-2"), "online"u8.ToArray());
        await listed.PublishRawAsync(MqttTopics.Status("pole-1"), "online"u8.ToArray());
        var read = TestRecords.Read("pole-1");
        await listed.PublishReadAsync(read);
        await listed.WaitForAcksAsync(read.Id);

        var letters = await bridge.Host.Store.GetDeadLettersAsync(10, CancellationToken.None);
        Assert.Equal(2, letters.Count);
        Assert.All(letters, l => Assert.Equal("device 'pole-2' is not registered (allowedDevices)", l.Reason));
        Assert.Equal(["pole-1"], (await bridge.Host.Store.GetDevicesAsync(CancellationToken.None)).Select(d => d.DeviceId));
    }
}
