using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Program287g.LocalServers;

namespace Program287g.Testing;

/// <summary>Hosts one service in-process on a real Kestrel socket (HTTP/2, loopback, a free port) against real
/// PostgreSQL and RabbitMQ, so tests call it through a real gRPC channel as any client would.</summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="configureServices">Replaces services after the service's own registrations, e.g. its
    /// TimeProvider with a clock the test controls.</param>
    public ServiceFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings;
        _configureServices = configureServices;
        Port = FreePort.Next();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    /// <summary>A channel to the running service; an optional bearer token rides on every call.</summary>
    public GrpcChannel Channel(string? bearerToken = null)
    {
        StartServer();
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = bearerToken is null ? handler : new BearerHandler(bearerToken, handler),
        });
    }

    private sealed class BearerHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
