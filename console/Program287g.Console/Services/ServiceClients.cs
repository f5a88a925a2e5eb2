using Grpc.Net.ClientFactory;
using Program287g.Agency.V1;
using Program287g.Agreement.V1;
using Program287g.Console.SignIn;
using Program287g.Nominee.V1;
using Program287g.Notification.V1;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.Console.Services;

public static class ServiceClients
{
    /// <summary>The four services' clients, found by resource name through service discovery like the services find
    /// one another. Each client is made for one circuit (or request) and carries that person's token; unary calls get
    /// the services' default deadline. No retries: a person sees a failed call and decides whether to repeat it.</summary>
    public static IServiceCollection AddServiceClients(this IServiceCollection services)
    {
        services.AddClient<AgencyService.AgencyServiceClient>(ResourceNames.AgencyService);
        services.AddClient<AgreementService.AgreementServiceClient>(ResourceNames.AgreementService);
        services.AddClient<NomineeService.NomineeServiceClient>(ResourceNames.NomineeService);
        services.AddClient<NotificationService.NotificationServiceClient>(ResourceNames.NotificationService);
        return services;
    }

    private static void AddClient<TClient>(this IServiceCollection services, string serviceName) where TClient : class =>
        services.AddGrpcClient<TClient>(options => options.Address = new Uri($"http://_{ResourceNames.GrpcEndpoint}.{serviceName}"))
            // Cleartext HTTP/2 to the services (loopback, or the cluster's network), as between the services themselves.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true)
            .AddInterceptor(() => new DefaultDeadlineInterceptor(GrpcClientDefaults.DefaultDeadline))
            .AddInterceptor(InterceptorScope.Client,
                provider => new PersonTokenInterceptor(provider.GetRequiredService<SignedInPerson>()));
}
