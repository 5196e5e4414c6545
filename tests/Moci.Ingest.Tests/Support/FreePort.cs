using System.Net;
using System.Net.Sockets;

namespace Moci.Ingest.Tests.Support;

/// <summary>Finds a TCP port nothing listens on, for an embedded broker under test.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
