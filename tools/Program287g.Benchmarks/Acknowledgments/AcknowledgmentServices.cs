extern alias AgencyService;
extern alias AgreementService;
extern alias NotificationService;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Program287g.Testing;
using AgencyServiceMarker = AgencyService::Program287g.Agency.AgencyServiceMarker;
using AgreementServiceMarker = AgreementService::Program287g.Agreement.AgreementServiceMarker;
using NotificationServiceMarker = NotificationService::Program287g.Notification.NotificationServiceMarker;

namespace Program287g.Benchmarks.Acknowledgments;

/// <summary>The real Agency, Agreement and Notification services in-process on real sockets, as the service tests and
/// the writes benchmark host them, each on its own fresh database, on the benchmark's PostgreSQL, RabbitMQ and
/// SMTP server. Everything is on (auth, validation, tracing as configured, outboxes, the sender, and its delivery check where the server has one);
/// only their logging is turned down.</summary>
public sealed class AcknowledgmentServices(TestTokens tokens, ServiceFactory<AgencyServiceMarker> agency,
    ServiceFactory<AgreementServiceMarker> agreement, ServiceFactory<NotificationServiceMarker> notification) : IAsyncDisposable
{
    public static async Task<AcknowledgmentServices> StartAsync(TestInfrastructure servers, IAcknowledgmentMailbox smtp)
    {
        var tokens = new TestTokens();
        var run = Guid.NewGuid().ToString("N")[..8];
        var agency = await servers.StartServiceAsync<AgencyServiceMarker>(ResourceNames.AgencyDatabase, tokens,
            BenchmarkServers.ServiceSettings(("Messaging:Consumers:EndpointPrefix", $"bench-agency-{run}")));
        var agreement = await servers.StartServiceAsync<AgreementServiceMarker>(ResourceNames.AgreementDatabase, tokens,
            BenchmarkServers.ServiceSettings(("Messaging:Consumers:EndpointPrefix", $"bench-agreement-{run}"),
                ($"services:{ResourceNames.AgencyService}:{ResourceNames.GrpcEndpoint}:0", agency.Address.ToString())));
        var notificationSettings = BenchmarkServers.ServiceSettings(("Messaging:Consumers:EndpointPrefix", $"bench-notification-{run}"),
            ($"ConnectionStrings:{ResourceNames.Smtp}", smtp.ConnectionString), (smtp.DeliveryCheck.Key, smtp.DeliveryCheck.Value));
        var notification = await servers.StartServiceAsync<NotificationServiceMarker>(ResourceNames.NotificationDatabase, tokens,
            notificationSettings);
        return new AcknowledgmentServices(tokens, agency, agreement, notification);
    }

    public string StaffToken => tokens.Staff();

    public Uri AgencyAddress => agency.Address;

    public Uri AgreementAddress => agreement.Address;

    /// <summary>The Notification service's own database, to split the path into its stages.</summary>
    public string NotificationDatabase =>
        notification.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.NotificationDatabase)!;

    public async ValueTask DisposeAsync()
    {
        await notification.DisposeAsync();
        await agreement.DisposeAsync();
        await agency.DisposeAsync();
    }
}
