using System.Text;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Contracts;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// The bridge's memory stays bounded under hostile sizes on a real Mosquitto: it tells the broker its Maximum Packet Size
/// (2 MiB), so a 200 MiB message never reaches it, and a flood of 200 KB messages (the issue's 1,500, fewer here for time) goes through a bounded queue and is
/// dead-lettered, with the managed heap after a full collection printed and held under a stated bound.
/// </summary>
[Collection(Isolated)]
public sealed class BridgeMemoryBoundTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Run alone: the heap is the whole test process's, so other tests running beside it would blur the figure, and its
    /// 200 MiB message and forced full collections would slow theirs.
    /// </summary>
    public const string Isolated = "memory bound, run alone";

    private const long HeapBoundBytes = 64L * 1024 * 1024;
    private const int FloodCount = 400;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_200_MiB_message_never_reaches_the_bridge_and_a_flood_of_200_KB_messages_leaves_its_heap_bounded()
    {
        await using var bridge = await RunningBridge.StartAsync(nameof(A_200_MiB_message_never_reaches_the_bridge_and_a_flood_of_200_KB_messages_leaves_its_heap_bounded), _broker.Url);
        var before = Heap();
        await using (var sender = await SimulatedDevice.ConnectAsync(_broker.Url, "pole-1"))
        {
            // Mosquitto may refuse the packet itself and drop the sender; either way the bridge must not receive it.
            var sent = await PublishOrRefusedAsync(sender, new byte[200 * 1024 * 1024]);
            output.WriteLine($"200 MiB publish {(sent ? "taken by the broker" : "refused by the broker")}");
        }

        await using var device = await SimulatedDevice.ConnectAsync(_broker.Url, "pole-1");
        var first = TestRecords.Read("pole-1");
        await device.PublishReadAsync(first);
        await device.WaitForAcksAsync(first.Id);
        var receivedAfterHuge = bridge.Host.Metrics.Received;

        var filler = Encoding.UTF8.GetBytes($"{{\"id\":\"{Guid.NewGuid()}\",\"camera\":\"{new string('c', 200 * 1024)}\"}}");
        for (var i = 0; i < FloodCount; i++)
        {
            await device.PublishRawAsync(MqttTopics.Read("pole-1"), filler);
        }

        var last = TestRecords.Read("pole-1");
        await device.PublishReadAsync(last);
        await device.WaitForAcksAsync(last.Id);
        var after = Heap();

        output.WriteLine($"managed heap after a full collection: {before / 1048576.0:F1} MiB before, {after / 1048576.0:F1} MiB after a 200 MiB message and {FloodCount} x 200 KB (bound {HeapBoundBytes / 1048576} MiB growth); bridge queue capacity {2 * bridge.Options.MaxInFlight + 256} messages, packet limit {MqttIngestService.MaxPacketBytes / 1048576} MiB");
        Assert.Equal(1, receivedAfterHuge);
        Assert.Equal(FloodCount, bridge.Host.Metrics.Dropped);
        Assert.Equal(new(2, 0), await bridge.Host.Store.CountAsync(CancellationToken.None));
        Assert.True(after - before < HeapBoundBytes, $"the heap grew by {(after - before) / 1048576.0:F1} MiB");
    }

    private static async Task<bool> PublishOrRefusedAsync(SimulatedDevice sender, byte[] payload)
    {
        try
        {
            await sender.PublishRawAsync(MqttTopics.Read("pole-1"), payload);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            return false;
        }
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
    }
}

/// <summary>The collection <see cref="BridgeMemoryBoundTests"/> runs in, with nothing beside it.</summary>
[CollectionDefinition(BridgeMemoryBoundTests.Isolated, DisableParallelization = true)]
public sealed class BridgeMemoryBoundRunsAlone;
