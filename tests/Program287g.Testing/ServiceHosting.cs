using Grpc.Health.V1;

namespace Program287g.Testing;

public static class ServiceHosting
{
    /// <summary>Starts one service against a fresh database of its own on the test servers and waits until it
    /// reports SERVING. <paramref name="overrides"/> replace settings, e.g. to point it at a dead broker.</summary>
    public static async Task<ServiceFactory<TMarker>> StartServiceAsync<TMarker>(this TestInfrastructure servers,
        string databaseName, TestTokens tokens, IReadOnlyDictionary<string, string?>? overrides = null, bool waitUntilServing = true,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
        where TMarker : class
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{databaseName}"] = await servers.CreateDatabaseAsync(databaseName),
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = servers.RabbitMqConnectionString,
            ["Auth:SigningKey"] = tokens.SigningKey,
            // The tests run in the "Testing" environment, where only this lets a service trust the development key.
            ["Auth:AllowDevelopmentKey"] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var factory = new ServiceFactory<TMarker>(settings, configureServices);
        if (waitUntilServing)
        {
            await factory.WaitUntilHealthAsync(HealthCheckResponse.Types.ServingStatus.Serving, TimeSpan.FromSeconds(60));
        }
        return factory;
    }

    public static async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync<TMarker>(this ServiceFactory<TMarker> factory)
        where TMarker : class
    {
        var client = new Health.HealthClient(factory.Channel());
        var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        return response.Status;
    }

    public static Task WaitUntilHealthAsync<TMarker>(this ServiceFactory<TMarker> factory,
        HealthCheckResponse.Types.ServingStatus expected, TimeSpan timeout) where TMarker : class =>
        Eventually.ReturnsAsync(factory.HealthAsync, status => status == expected, timeout);
}
