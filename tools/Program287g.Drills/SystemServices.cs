using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Program287g.LocalServers;
using Program287g.Testing;

namespace Program287g.Drills;

/// <summary>The four services as the processes they are in production: each its built assembly under `dotnet`, with
/// the settings the AppHost gives it (its database, the broker, the SMTP server, the program mailbox, the others'
/// addresses, the signing key), as <paramref name="instances"/> instances on fixed ports of their own, so that a drill
/// can kill -9 one instance, or all of a service's, and start them again where they were. A service calls another
/// through service discovery listing every instance's address (round robin); the drill's own calls balance over the
/// instances the same way, so that a call in flight to a killed instance fails and the next goes to one alive.</summary>
public sealed class SystemServices(string repositoryRoot, DrillServers servers, string signingKey, int instances) : IAsyncDisposable
{
    public static readonly string[] Names =
        [ResourceNames.AgencyService, ResourceNames.AgreementService, ResourceNames.NomineeService, ResourceNames.NotificationService];

    private static readonly Dictionary<string, (string Project, string Database)> Projects = new()
    {
        [ResourceNames.AgencyService] = ("Agency", ResourceNames.AgencyDatabase),
        [ResourceNames.AgreementService] = ("Agreement", ResourceNames.AgreementDatabase),
        [ResourceNames.NomineeService] = ("Nominee", ResourceNames.NomineeDatabase),
        [ResourceNames.NotificationService] = ("Notification", ResourceNames.NotificationDatabase),
    };

    private readonly Dictionary<(string Name, int Instance), (int Grpc, int Http)> _ports = Names
        .SelectMany(name => Enumerable.Range(0, instances).Select(instance => (name, instance)))
        .ToDictionary(key => key, _ => (FreePort.Next(), FreePort.Next()));
    private readonly ConcurrentDictionary<(string Name, int Instance), LocalProcess> _running = new();

    public int Instances => instances;

    private Uri GrpcAddress(string name, int instance) =>
        new($"http://127.0.0.1:{_ports[(name, instance)].Grpc.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A channel to every instance of the service, round robin, as a client behind a Kubernetes Service or
    /// the orchestrator's proxy sees it.</summary>
    public GrpcChannel Channel(string name)
    {
        var addresses = Enumerable.Range(0, instances).Select(i => new BalancerAddress("127.0.0.1", _ports[(name, i)].Grpc)).ToArray();
        var provider = new ServiceCollection().AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses)).BuildServiceProvider();
        return GrpcChannel.ForAddress($"static:///{name}", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceProvider = provider,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
    }

    public async Task StartAllAsync() =>
        await Task.WhenAll(Names.SelectMany(name => Enumerable.Range(0, instances).Select(instance => StartAsync(name, instance))));

    /// <summary>Starts every instance of the service that is not running.</summary>
    public async Task StartAsync(string name) =>
        await Task.WhenAll(Enumerable.Range(0, instances).Where(i => !_running.ContainsKey((name, i))).Select(i => StartAsync(name, i)));

    public async Task StartAsync(string name, int instance)
    {
        var (project, database) = Projects[name];
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // .../bin/Release/net10.0
        var assembly = Path.Combine(repositoryRoot, "services", project, "bin", configuration, "net10.0", $"Program287g.{project}.dll");
        var http = _ports[(name, instance)].Http;
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Auth__SigningKey"] = signingKey,
            // The drills' own key, as under the AppHost's local run: outside Development it must be allowed by name.
            ["Auth__AllowDevelopmentKey"] = "true",
            [$"ConnectionStrings__{database}"] = servers.Database(database),
            [$"ConnectionStrings__{ResourceNames.Messaging}"] = servers.RabbitMq,
            [$"ConnectionStrings__{ResourceNames.Smtp}"] = servers.Smtp.ConnectionString,
            ["Notifications__DeliveryCheck__Maildir"] = servers.Smtp.Maildir,
            [$"ConnectionStrings__{ResourceNames.Mailbox}"] = servers.Imap.ConnectionString,
            // The AppHost's reconnect backoff, capped lower: a drill's restarted IMAP server is read again within seconds.
            ["Notifications__Mailbox__MaxReconnectDelay"] = "00:00:05",
            [$"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Url"] = GrpcAddress(name, instance).ToString(),
            [$"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Protocols"] = "Http2",
            [$"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Url"] = $"http://127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}",
            [$"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Protocols"] = "Http1",
        };
        foreach (var other in Names)
        {
            for (var i = 0; i < instances; i++)
            {
                environment[$"services__{other}__{ResourceNames.GrpcEndpoint}__{i.ToString(CultureInfo.InvariantCulture)}"] =
                    GrpcAddress(other, i).ToString();
            }
        }
        var process = LocalProcess.Start(new ProcessSpec("dotnet", [assembly], environment, Path.GetDirectoryName(assembly)!));
        _running[(name, instance)] = process;
        await WaitHealthyAsync(name, instance);
    }

    /// <summary>Ready: /health answers 200 (database migrated and reachable, broker connected).</summary>
    private async Task WaitHealthyAsync(string name, int instance)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_ports[(name, instance)].Http.ToString(CultureInfo.InvariantCulture)}") };
        var process = _running[(name, instance)];
        await Eventually.SucceedsAsync(async () => (await http.GetAsync("/health")).EnsureSuccessStatusCode(),
            TimeSpan.FromSeconds(120), () => process.Output);
    }

    /// <summary>kill -9 of every instance of the service: no shutdown, no flush, nothing they were doing finishes.</summary>
    public async Task KillAsync(string name) =>
        await Task.WhenAll(Enumerable.Range(0, instances).Where(i => _running.ContainsKey((name, i))).Select(i => KillAsync(name, i)));

    /// <summary>kill -9 of one instance.</summary>
    public async Task KillAsync(string name, int instance)
    {
        var process = _running[(name, instance)];
        DrillServers.KillTree(process.Id);
        await Eventually.ReturnsAsync(() => Task.FromResult(process.HasExited), exited => exited, TimeSpan.FromSeconds(30));
        await process.DisposeAsync();
        _running.TryRemove((name, instance), out _);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _running.Values)
        {
            await process.DisposeAsync();
        }
        _running.Clear();
    }
}
