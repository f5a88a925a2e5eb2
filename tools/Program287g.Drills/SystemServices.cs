using System.Globalization;
using Grpc.Net.Client;
using Program287g.LocalServers;
using Program287g.Testing;

namespace Program287g.Drills;

/// <summary>The four services as the processes they are in production: each its built assembly under `dotnet`, with
/// the settings the AppHost gives it (its database, the broker, the SMTP server, the program mailbox, the others' addresses, the signing
/// key), on fixed ports, so that a drill can kill -9 one and start it again where it was.</summary>
public sealed class SystemServices(string repositoryRoot, DrillServers servers, string signingKey) : IAsyncDisposable
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

    private readonly Dictionary<string, (int Grpc, int Http)> _ports = Names.ToDictionary(name => name, _ => (FreePort.Next(), FreePort.Next()));
    private readonly Dictionary<string, LocalProcess> _running = [];

    public Uri GrpcAddress(string name) => new($"http://127.0.0.1:{_ports[name].Grpc.ToString(CultureInfo.InvariantCulture)}");

    public GrpcChannel Channel(string name) => GrpcChannel.ForAddress(GrpcAddress(name),
        new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });

    public async Task StartAllAsync() => await Task.WhenAll(Names.Select(StartAsync));

    public async Task StartAsync(string name)
    {
        var (project, database) = Projects[name];
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // .../bin/Release/net10.0
        var assembly = Path.Combine(repositoryRoot, "services", project, "bin", configuration, "net10.0", $"Program287g.{project}.dll");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Auth__SigningKey"] = signingKey,
            [$"ConnectionStrings__{database}"] = servers.Database(database),
            [$"ConnectionStrings__{ResourceNames.Messaging}"] = servers.RabbitMq,
            [$"ConnectionStrings__{ResourceNames.Smtp}"] = servers.Smtp.ConnectionString,
            ["Notifications__DeliveryCheck__Maildir"] = servers.Smtp.Maildir,
            [$"ConnectionStrings__{ResourceNames.Mailbox}"] = servers.Imap.ConnectionString,
            // The AppHost's reconnect backoff, capped lower: a drill's restarted IMAP server is read again within seconds.
            ["Notifications__Mailbox__MaxReconnectDelay"] = "00:00:05",
            [$"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Url"] = GrpcAddress(name).ToString(),
            [$"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Protocols"] = "Http2",
            [$"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Url"] = $"http://127.0.0.1:{_ports[name].Http.ToString(CultureInfo.InvariantCulture)}",
            [$"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Protocols"] = "Http1",
        };
        foreach (var other in Names)
        {
            environment[$"services__{other}__{ResourceNames.GrpcEndpoint}__0"] = GrpcAddress(other).ToString();
        }
        var process = LocalProcess.Start(new ProcessSpec("dotnet", [assembly], environment, Path.GetDirectoryName(assembly)!));
        _running[name] = process;
        await WaitHealthyAsync(name);
    }

    /// <summary>Ready: /health answers 200 (database migrated and reachable, broker connected).</summary>
    public async Task WaitHealthyAsync(string name, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_ports[name].Http.ToString(CultureInfo.InvariantCulture)}") };
        var process = _running[name];
        await Eventually.SucceedsAsync(async () => (await http.GetAsync("/health")).EnsureSuccessStatusCode(),
            timeout ?? TimeSpan.FromSeconds(120), () => process.Output);
    }

    /// <summary>kill -9: no shutdown, no flush, nothing the process was doing finishes.</summary>
    public async Task KillAsync(string name)
    {
        var process = _running[name];
        DrillServers.KillTree(process.Id);
        await Eventually.ReturnsAsync(() => Task.FromResult(process.HasExited), exited => exited, TimeSpan.FromSeconds(30));
        await process.DisposeAsync();
        _running.Remove(name);
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
