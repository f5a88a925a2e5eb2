using System.Net.Http.Json;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Program287g.LocalServers;

namespace Program287g.Testing;

/// <summary>smtp4dev for the tests: a real SMTP server, on free ports, whose REST API shows what it accepted. The
/// smtp4dev tool from the repository's .tools folder (test.sh installs it), the rnwood/smtp4dev image where the tests
/// run on containers, or a server that already runs (PROGRAM287G_TEST_SMTP, smtp://host:port, and
/// PROGRAM287G_TEST_SMTP_API, its web address). A native server can be stopped and started again on its ports, for
/// the outage tests; it keeps its messages in memory, so a restart empties it.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ProcessSpec? _spec;
    private readonly IContainer? _container;
    private readonly HttpClient _api;
    private LocalProcess? _process;

    private TestSmtpServer(string connectionString, Uri apiAddress, ProcessSpec? spec, IContainer? container)
    {
        ConnectionString = connectionString;
        ApiAddress = apiAddress;
        _spec = spec;
        _container = container;
        _api = new HttpClient { BaseAddress = apiAddress };
    }

    /// <summary>smtp://127.0.0.1:port, as the AppHost gives the Notification service.</summary>
    public string ConnectionString { get; }

    /// <summary>The web UI and REST API (/api/messages).</summary>
    public Uri ApiAddress { get; }

    public static async Task<TestSmtpServer> StartAsync(InfrastructureMode mode)
    {
        TestSmtpServer server;
        if (mode == InfrastructureMode.External && Environment.GetEnvironmentVariable("PROGRAM287G_TEST_SMTP") is { Length: > 0 } smtp)
        {
            var api = Environment.GetEnvironmentVariable("PROGRAM287G_TEST_SMTP_API")
                ?? throw new InvalidOperationException("PROGRAM287G_TEST_SMTP_API (smtp4dev's web address) is not set.");
            server = new TestSmtpServer(smtp, new Uri(api.TrimEnd('/') + "/"), null, null);
        }
        else if (mode == InfrastructureMode.Containers)
        {
            var container = new ContainerBuilder($"{Smtp4dev.ContainerImage}:{Smtp4dev.ContainerTag}")
                .WithPortBinding(25, true).WithPortBinding(80, true)
                .WithEnvironment("ServerOptions__NumberOfMessagesToKeep", Smtp4dev.MessagesToKeep.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(80).ForPath("/api/server")))
                .Build();
            await container.StartAsync();
            server = new TestSmtpServer($"smtp://{container.Hostname}:{container.GetMappedPublicPort(25)}",
                new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(80)}/"), null, container);
        }
        else
        {
            var tool = Smtp4dev.ToolPath(RepositoryRoot());
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"smtp4dev is not installed at {tool}: run ./test.sh, or "
                    + "'dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path .tools'.");
            }
            var (smtpPort, apiPort) = (FreePort.Next(), FreePort.Next());
            var spec = Smtp4dev.Server(tool, smtpPort, apiPort, Path.GetDirectoryName(tool)!);
            server = new TestSmtpServer($"smtp://127.0.0.1:{smtpPort}", new Uri($"http://127.0.0.1:{apiPort}/"), spec, null);
            await server.StartAgainAsync();
        }
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Stops a native server as an operator would (SIGTERM): connections to its port are refused meanwhile.</summary>
    public async Task StopAsync()
    {
        var process = _process ?? throw new InvalidOperationException("Only a native smtp4dev can be stopped by a test.");
        await process.StopAsync(TimeSpan.FromSeconds(15));
        _process = null;
    }

    /// <summary>Starts a stopped native server again on the same ports, and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        var spec = _spec ?? throw new InvalidOperationException("Only a native smtp4dev can be started by a test.");
        _process = LocalProcess.Start(spec);
        await WaitUntilReadyAsync();
    }

    /// <summary>The messages the server holds whose subject, sender or recipients contain <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<MailSummary>> MessagesAsync(string search)
    {
        var summaries = new List<MailSummary>();
        for (var page = 1; ; page++)
        {
            var listing = await _api.GetFromJsonAsync<JsonElement>(
                $"api/messages?searchTerms={Uri.EscapeDataString(search)}&page={page}&pageSize=500");
            summaries.AddRange(listing.GetProperty("results").EnumerateArray().Select(m => new MailSummary(
                m.GetProperty("id").GetString()!, m.GetProperty("subject").GetString() ?? "",
                m.GetProperty("deliveredTo").GetString() ?? "", m.GetProperty("receivedDate").GetDateTimeOffset())));
            if (page >= listing.GetProperty("pageCount").GetInt32())
            {
                return summaries;
            }
        }
    }

    /// <summary>How many messages each SMTP session (one connection, from greeting to QUIT) delivered.</summary>
    public async Task<IReadOnlyList<int>> MessagesPerSessionAsync()
    {
        var counts = new List<int>();
        for (var page = 1; ; page++)
        {
            var listing = await _api.GetFromJsonAsync<JsonElement>($"api/sessions?page={page}&pageSize=500");
            counts.AddRange(listing.GetProperty("results").EnumerateArray().Select(s => s.GetProperty("numberOfMessages").GetInt32()));
            if (page >= listing.GetProperty("pageCount").GetInt32())
            {
                return counts;
            }
        }
    }

    /// <summary>One message whole: its headers and both bodies.</summary>
    public async Task<Mail> ReadAsync(string id)
    {
        var message = await _api.GetFromJsonAsync<JsonElement>($"api/messages/{id}");
        var headers = message.GetProperty("headers").EnumerateArray()
            .Select(h => (Name: h.GetProperty("name").GetString()!, Value: h.GetProperty("value").GetString() ?? "")).ToList();
        return new Mail(id, message.GetProperty("subject").GetString() ?? "",
            [.. message.GetProperty("deliveredTo").EnumerateArray().Select(t => t.GetString()!)], headers,
            message.GetProperty("hasPlainTextBody").GetBoolean() ? await _api.GetStringAsync($"api/messages/{id}/plaintext") : "",
            message.GetProperty("hasHtmlBody").GetBoolean() ? await _api.GetStringAsync($"api/messages/{id}/html") : "",
            await _api.GetStringAsync($"api/messages/{id}/raw"));
    }

    private async Task WaitUntilReadyAsync() =>
        await Eventually.SucceedsAsync(async () => (await _api.GetAsync("api/server")).EnsureSuccessStatusCode(),
            TimeSpan.FromSeconds(60), () => _process?.Output ?? "");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Program287g.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Program287g.sln above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
        _api.Dispose();
    }
}

/// <summary>A message as smtp4dev lists it; <see cref="DeliveredTo"/> is the envelope's recipient (RCPT TO), when
/// smtp4dev accepted it.</summary>
public sealed record MailSummary(string Id, string Subject, string DeliveredTo, DateTimeOffset ReceivedAt);

/// <summary>A message as smtp4dev holds it: <see cref="To"/> is the envelope's recipients (RCPT TO).</summary>
public sealed record Mail(string Id, string Subject, IReadOnlyList<string> To, IReadOnlyList<(string Name, string Value)> Headers,
    string PlainText, string Html, string Raw)
{
    public string Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
}
