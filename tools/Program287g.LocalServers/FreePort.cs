using System.Net;
using System.Net.Sockets;

namespace Program287g.LocalServers;

/// <summary>Chooses loopback TCP ports that no other process on the machine holds.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Issued = [];

    /// <summary>A port the operating system reports free right now, and never one this process was given before: the
    /// kernel may hand out the same free port twice in a row (nothing holds it between the two asks), and two servers
    /// told to listen on one port fail at start (seen: smtp4dev's SMTP and web ports).</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Issued)
            {
                if (Issued.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>The configured port when set (it must be free), else the preferred port when free,
    /// else any free port. A stable default keeps psql and bookmarks working across restarts.</summary>
    public static int Choose(int? configured, int preferred, string what)
    {
        if (configured is > 0)
        {
            return IsFree(configured.Value)
                ? configured.Value
                : throw new InvalidOperationException(
                    $"Port {configured} configured for {what} is already in use by another process.");
        }
        return IsFree(preferred) ? preferred : Next();
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
