using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // On the wall clock, not the service's TimeProvider: the services called check the token against their own
        // clocks, whatever clock this service's rules run on (a test moves that one).
        services.TryAddSingleton(provider => new InternalTokenProvider(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TokenSettings>>(),
            provider.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>(), TimeProvider.System));
        return services
            .AddGrpcClient<TClient>(options =>
            {
                options.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{serviceName}");
                options.ChannelOptionsActions.Add(channel => channel.ServiceConfig = RetryPolicyFor(idempotentMethods));
            })
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            .AddInterceptor(() => new DefaultDeadlineInterceptor(DefaultDeadline))
            .AddInterceptor(provider => new InternalTokenInterceptor(provider.GetRequiredService<InternalTokenProvider>()));
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
