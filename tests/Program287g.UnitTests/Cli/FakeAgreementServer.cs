extern alias Cli;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Program287g.UnitTests.Cli;

/// <summary>A fake Agreement service on a real Kestrel socket, cleartext HTTP/2 (h2c) on a free loopback port, as the
/// real service listens: the CLI's channel, chunking, paging and output are exercised end to end, its answers are
/// whatever the test sets on <see cref="Service"/>.</summary>
public sealed class FakeAgreementServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeAgreementServer(WebApplication app, FakeAgreementService service, string url)
    {
        this.app = app;
        Service = service;
        Url = url;
    }

    public FakeAgreementService Service { get; }

    public string Url { get; }

    public static async Task<FakeAgreementServer> StartAsync()
    {
        var service = new FakeAgreementService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.MapGrpcService<FakeAgreementService>();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new FakeAgreementServer(app, service, url);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
