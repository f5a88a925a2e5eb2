using Program287g.Testing;

namespace Program287g.Benchmarks;

/// <summary>What every benchmark that hosts the real services in-process starts with.</summary>
public static class BenchmarkServers
{
    /// <summary>PostgreSQL and RabbitMQ as the tests start them. WebApplicationFactory reads the services' content
    /// roots from MvcTestingAppManifest.json in the current directory, as under a test runner; dotnet run starts in the
    /// repository, so the directory is moved to the build output first.</summary>
    public static async Task<TestInfrastructure> StartAsync()
    {
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var servers = new TestInfrastructure();
        await servers.InitializeAsync();
        return servers;
    }

    /// <summary>A hosted service's settings: <paramref name="settings"/>, with its logging turned down to warnings.</summary>
    public static Dictionary<string, string?> ServiceSettings(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return all;
    }
}
