using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.ServiceDefaults.Grpc;

public static class GrpcClientDefaults
{
    /// <summary>Deadline for calls that come with none: a call never waits forever on another service.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    /// <summary>A gRPC client for another Program287g service, found by its Aspire resource name through service
    /// discovery ("http://_grpc.agency"). The incoming call's deadline and cancellation travel on
    /// (call-context propagation). Only the methods named in <paramref name="idempotentMethods"/> are retried,
    /// and only on UNAVAILABLE: a create or submit is never sent twice by the client. Every call carries this
    /// service's own internal-system token: the caller has authorized its user before it calls on.</summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName,
        params string[] idempotentMethods) where TClient : ClientBase
    {
        services.AddInternalTokens();
        return services
            .AddGrpcClient<TClient>(options =>
            {
                options.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{serviceName}");
                options.ChannelOptionsActions.Add(channel =>
                {
                    channel.ServiceConfig = RetryPolicyFor(idempotentMethods);
                    // The services speak cleartext HTTP/2 to one another (loopback, or the cluster's network); the bearer
                    // token rides as call credentials, which gRPC sends on a channel without TLS only when told to.
                    channel.UnsafeUseInsecureChannelCallCredentials = true;
                });
            })
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            .AddInterceptor(() => new DefaultDeadlineInterceptor(DefaultDeadline))
            .AddInterceptor(provider => new InternalTokenInterceptor(provider.GetRequiredService<InternalTokenProvider>(),
                provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<InternalTokenInterceptor>>()));
    }

    private static void AddInternalTokens(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(InternalTokenProvider)))
        {
            return;
        }
        services.AddSingleton(InternalTokenProvider.For);
        services.AddHttpClient(ClientCredentialsClient.HttpClientName);
        // A service that calls others in OIDC mode needs a client of its own at the issuer: found at start, not at the
        // first call.
        services.AddOptions<TokenSettings>().Validate(
            settings => settings.Mode != IdentityMode.OpenIdConnect
                || (!string.IsNullOrWhiteSpace(settings.ClientId) && !string.IsNullOrWhiteSpace(settings.ClientSecret)),
            "Auth:ClientId and Auth:ClientSecret are required with Auth:Authority: this service calls other services "
                + "with a client-credentials token from the issuer.");
    }

    /// <summary>The channel's service config: a retry policy (3 attempts, UNAVAILABLE only) for the named methods
    /// ("package.Service/Method") and none for any other.</summary>
    public static ServiceConfig RetryPolicyFor(params string[] methods)
    {
        var config = new ServiceConfig();
        if (methods.Length == 0)
        {
            return config;
        }
        var retried = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 3,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var method in methods)
        {
            var separator = method.LastIndexOf('/');
            retried.Names.Add(new MethodName { Service = method[..separator], Method = method[(separator + 1)..] });
        }
        config.MethodConfigs.Add(retried);
        return config;
    }
}
