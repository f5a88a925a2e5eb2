using System.Net;
using System.Net.Sockets;
using Program287g.LocalServers;

namespace Program287g.UnitTests;

public class FreePortTests
{
    [Fact]
    public void A_busy_preferred_port_is_replaced_by_a_free_one()
    {
        using var holder = Hold(out var busy);
        var chosen = FreePort.Choose(configured: null, preferred: busy, "test");
        chosen.ShouldNotBe(busy);
        FreePort.IsFree(chosen).ShouldBeTrue();
    }

    [Fact]
    public void A_busy_configured_port_is_an_error_naming_the_port()
    {
        using var holder = Hold(out var busy);
        Should.Throw<InvalidOperationException>(() => FreePort.Choose(busy, 1, "PostgreSQL"))
            .Message.ShouldContain($"Port {busy} configured for PostgreSQL");
    }

    [Fact]
    public void A_free_preferred_port_is_used_as_it_is()
    {
        var free = FreePort.Next();
        FreePort.Choose(null, free, "test").ShouldBe(free);
    }

    private static TcpListener Hold(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
