using System.Net.Sockets;

namespace Alpr.Edge.IntegrationTests.Infrastructure;

public sealed class MosquittoBrokerTests
{
    [Fact]
    public async Task Broker_accepts_connections_until_stopped_and_again_after_restart()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        Assert.True(await CanConnect(broker.Port));

        await broker.StopAsync();
        Assert.False(await CanConnect(broker.Port));

        await broker.StartAgainAsync();
        Assert.True(await CanConnect(broker.Port));
    }

    private static async Task<bool> CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
