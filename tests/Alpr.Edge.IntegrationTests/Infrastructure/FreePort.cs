using System.Net;
using System.Net.Sockets;

namespace Alpr.Edge.IntegrationTests.Infrastructure;

/// <summary>
/// Asks the kernel for a free loopback TCP port, never handing out the same port twice in one test run
/// (the kernel may offer a just-released port again while tests run in parallel). Where a server can
/// bind port 0 itself, prefer that.
/// </summary>
public static class FreePort
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
